package io.github.camelcec.benchmarks;

import java.util.Map;

import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConstants;
import io.github.camelcec.component.client.CecApi;
import io.github.camelcec.component.client.CecSettings;
import io.github.camelcec.component.connection.CecConnection;
import io.github.camelcec.component.model.ControlType;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.model.SendMessageRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The send contenders, each with its own 256 customers (so no one retires another's tokens), ready to send: raw
 * HttpClient (tokens fetched and CONNECT sent beforehand), {@code cec:send} (and {@code synchronous=true}), the
 * hand-written camel-http route with its pool raised to 200 and on camel-http's defaults, and the component's
 * {@link CecConnection} without Camel.
 */
final class SendContenders implements AutoCloseable {

    static final String RAW = "raw";
    static final String CEC = "cec";
    static final String HTTP = "http";
    static final String CLIENT = "client";
    static final String HTTP_DEFAULTS = "httpd";
    static final String CEC_SYNC = "cecs";

    private final RawCecClient raw;
    private final CamelContext camel;
    private final CamelContext camelDefaults;
    private final CecConnection client;
    private final Map<String, ClosedLoop.Request> requests;

    SendContenders(SimulatorHandle sim) throws Exception {
        int concurrency = SendBenchmark.CONCURRENCY;
        int perSender = SendBenchmark.CUSTOMERS_PER_SENDER;
        raw = new RawCecClient(sim.baseUrl(), 200).login();
        String[][] rawTokens = new String[concurrency][perSender];
        for (int s = 0; s < concurrency; s++) {
            for (int c = 0; c < perSender; c++) {
                rawTokens[s][c] = raw.applyToken(user(RAW, s, c));
                raw.send(user(RAW, s, c), rawTokens[s][c], "CONNECT", "").get();
            }
        }
        camel = new DefaultCamelContext();
        CecComponent cec = new CecComponent();
        cec.getConfiguration().setBaseUrl(sim.baseUrl());
        cec.getConfiguration().setAppKey(SimulatorHandle.APP_KEY);
        cec.getConfiguration().setAppSecret(SimulatorHandle.APP_SECRET);
        cec.getConfiguration().setChannelConfigId(SimulatorHandle.CHANNEL_CONFIG_ID);
        camel.addComponent("cec", cec);
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        // the same pool size for everyone: camel-http's default is 20 connections per route
        http.setConnectionsPerRoute(200);
        http.setMaxTotalConnections(200);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cecSend").routeId("cec-send").to("cec:send");
                from("direct:cecSendSync").routeId("cec-send-sync").to("cec:send?synchronous=true");
            }
        });
        camel.addRoutes(new HandWrittenCecRoutes(sim.baseUrl()));
        camel.start();
        // the same hand-written route as users deploy it: camel-http's own pool defaults (20 per route)
        camelDefaults = new DefaultCamelContext();
        camelDefaults.addRoutes(new HandWrittenCecRoutes(sim.baseUrl()));
        camelDefaults.start();
        client = CecConnection.open(CecSettings.builder().baseUrl(sim.baseUrl())
                .appKey(SimulatorHandle.APP_KEY).appSecret(SimulatorHandle.APP_SECRET)
                .channelConfigId(SimulatorHandle.CHANNEL_CONFIG_ID).build());
        for (int s = 0; s < concurrency; s++) {
            for (int c = 0; c < perSender; c++) {
                client.call(CecApi.SEND, Customer.of(user(CLIENT, s, c)), SendMessageRequest.control(ControlType.CONNECT));
            }
        }
        ProducerTemplate template = camel.createProducerTemplate();
        ProducerTemplate defaultsTemplate = camelDefaults.createProducerTemplate();
        requests = Map.of(
                RAW, (s, n) -> raw.send(user(RAW, s, (int) (n % perSender)), rawTokens[s][(int) (n % perSender)],
                        "CHAT", "hello " + n).get(),
                CEC, (s, n) -> {
                    template.requestBodyAndHeader("direct:cecSend", "hello " + n, CecConstants.USER_ID,
                            user(CEC, s, (int) (n % perSender)));
                    return true;
                },
                CEC_SYNC, (s, n) -> {
                    template.requestBodyAndHeader("direct:cecSendSync", "hello " + n, CecConstants.USER_ID,
                            user(CEC_SYNC, s, (int) (n % perSender)));
                    return true;
                },
                HTTP, (s, n) -> {
                    template.requestBodyAndHeaders("direct:handWrittenSend", "hello " + n,
                            Map.of("userId", user(HTTP, s, (int) (n % perSender))));
                    return true;
                },
                HTTP_DEFAULTS, (s, n) -> {
                    defaultsTemplate.requestBodyAndHeaders("direct:handWrittenSend", "hello " + n,
                            Map.of("userId", user(HTTP_DEFAULTS, s, (int) (n % perSender))));
                    return true;
                },
                CLIENT, (s, n) -> client.call(CecApi.SEND, Customer.of(user(CLIENT, s, (int) (n % perSender))),
                        SendMessageRequest.text("hello " + n)).isSuccess());
    }

    /** The contender's next request: sender {@code s}, its {@code n}-th message. */
    ClosedLoop.Request request(String name) {
        return requests.get(name);
    }

    static String user(String kind, int sender, int customer) {
        return kind + "-" + sender + "-" + customer;
    }

    @Override
    public void close() throws Exception {
        client.close();
        camel.close();
        camelDefaults.close();
        raw.close();
    }
}
