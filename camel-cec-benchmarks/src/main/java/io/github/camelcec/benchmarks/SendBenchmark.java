package io.github.camelcec.benchmarks;

import java.util.ArrayList;
import java.util.List;
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
 * {@code cec:send} against the raw client (tokens in hand) and against a hand-written camel-http route: the same
 * simulator, the same 64 concurrent senders, each contender with its own 256 customers (4 per sender) so no one
 * retires another's tokens. Rounds run the three back to back, in a rotating order; each ratio is read within a round.
 */
public final class SendBenchmark {

    static final int CONCURRENCY = 64;
    static final int CUSTOMERS_PER_SENDER = 4;

    private SendBenchmark() {
    }

    public static void run(Mode mode, SimulatorHandle sim, Results results) throws Exception {
        results.detail("== send: %d concurrent senders, %d customers per contender, one untimed warm-up pass, then per contender %d s warm-up + %d s measured, %d round(s)",
                CONCURRENCY, CONCURRENCY * CUSTOMERS_PER_SENDER, mode.warmupSeconds(), mode.measureSeconds(),
                mode.sendRounds());
        ProcessMeter meter = new ProcessMeter(sim.processHandle());
        try (RawCecClient raw = new RawCecClient(sim.baseUrl(), 200).login()) {
            String[][] rawTokens = new String[CONCURRENCY][CUSTOMERS_PER_SENDER];
            for (int s = 0; s < CONCURRENCY; s++) {
                for (int c = 0; c < CUSTOMERS_PER_SENDER; c++) {
                    rawTokens[s][c] = raw.applyToken(user("raw", s, c));
                    raw.send(user("raw", s, c), rawTokens[s][c], "CONNECT", "").get();
                }
            }
            CamelContext camel = new DefaultCamelContext();
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
            CamelContext camelDefaults = new DefaultCamelContext();
            camelDefaults.addRoutes(new HandWrittenCecRoutes(sim.baseUrl()));
            camelDefaults.start();
            try {
                ProducerTemplate template = camel.createProducerTemplate();
                ProducerTemplate defaultsTemplate = camelDefaults.createProducerTemplate();
                ClosedLoop.Request rawSend = (s, n) -> raw.send(user("raw", s, (int) (n % CUSTOMERS_PER_SENDER)),
                        rawTokens[s][(int) (n % CUSTOMERS_PER_SENDER)], "CHAT", "hello " + n).get();
                ClosedLoop.Request cecSend = (s, n) -> {
                    template.requestBodyAndHeader("direct:cecSend", "hello " + n, CecConstants.USER_ID,
                            user("cec", s, (int) (n % CUSTOMERS_PER_SENDER)));
                    return true;
                };
                ClosedLoop.Request cecSyncSend = (s, n) -> {
                    template.requestBodyAndHeader("direct:cecSendSync", "hello " + n, CecConstants.USER_ID,
                            user("cecs", s, (int) (n % CUSTOMERS_PER_SENDER)));
                    return true;
                };
                ClosedLoop.Request httpSend = (s, n) -> {
                    template.requestBodyAndHeaders("direct:handWrittenSend", "hello " + n,
                            Map.of("userId", user("http", s, (int) (n % CUSTOMERS_PER_SENDER))));
                    return true;
                };
                ClosedLoop.Request httpDefaultsSend = (s, n) -> {
                    defaultsTemplate.requestBodyAndHeaders("direct:handWrittenSend", "hello " + n,
                            Map.of("userId", user("httpd", s, (int) (n % CUSTOMERS_PER_SENDER))));
                    return true;
                };
                try (CecConnection client = CecConnection.open(CecSettings.builder().baseUrl(sim.baseUrl())
                        .appKey(SimulatorHandle.APP_KEY).appSecret(SimulatorHandle.APP_SECRET)
                        .channelConfigId(SimulatorHandle.CHANNEL_CONFIG_ID).build())) {
                    // diagnostic contender: the component's typed client without Camel (no exchange, no template)
                    for (int s = 0; s < CONCURRENCY; s++) {
                        for (int c = 0; c < CUSTOMERS_PER_SENDER; c++) {
                            client.call(CecApi.SEND, Customer.of(user("client", s, c)), SendMessageRequest.control(ControlType.CONNECT));
                        }
                    }
                    ClosedLoop.Request clientSend = (s, n) -> client.call(CecApi.SEND,
                            Customer.of(user("client", s, (int) (n % CUSTOMERS_PER_SENDER))),
                            SendMessageRequest.text("hello " + n)).isSuccess();
                    String[] names = { "raw", "cec", "http", "client", "httpd", "cecs" };
                    ClosedLoop.Request[] requests = { rawSend, cecSend, httpSend, clientSend, httpDefaultsSend,
                            cecSyncSend };
                    // warm both JVMs (the simulator's JIT included) and connect every customer before anything counts
                    for (int i = 0; i < names.length; i++) {
                        ClosedLoop.run("warm-" + names[i], CONCURRENCY, 0, mode.warmupSeconds(), requests[i], meter);
                    }
                    List<ClosedLoop.Outcome[]> rounds = new ArrayList<>();
                    for (int r = 0; r < mode.sendRounds(); r++) {
                        ClosedLoop.Outcome[] out = new ClosedLoop.Outcome[names.length];
                        for (int i = 0; i < names.length; i++) {
                            int k = (i + r) % names.length;
                            out[k] = log(results, r, ClosedLoop.run(names[k], CONCURRENCY, mode.warmupSeconds(),
                                    mode.measureSeconds(), requests[k], meter));
                        }
                        results.detail("send round %d: cec/raw = %.3f, cec(synchronous)/raw = %.3f, cec/camel-http = %.2f, "
                                       + "cec/camel-http (defaults) = %.2f, CecConnection (no Camel)/raw = %.3f",
                                r + 1, out[1].perSecond() / out[0].perSecond(), out[5].perSecond() / out[0].perSecond(),
                                out[1].perSecond() / out[2].perSecond(), out[1].perSecond() / out[4].perSecond(),
                                out[3].perSecond() / out[0].perSecond());
                        rounds.add(out);
                    }
                    report(rounds, results);
                    remoteCec(mode, sim, results, meter, names, requests);
                }
            } finally {
                camel.close();
                camelDefaults.close();
            }
        }
    }

    /** CEC's answer delay in the "remote CEC" phase: a real CEC is across a network, not on loopback. */
    static final int REMOTE_LATENCY_MS = 20;

    /**
     * The same contenders with every send answered after {@value #REMOTE_LATENCY_MS} ms (the simulator's latency
     * fault, scheduled on its event loop): throughput is then bound by requests in flight, not by CPU.
     */
    private static void remoteCec(Mode mode, SimulatorHandle sim, Results results, ProcessMeter meter, String[] names,
                                  ClosedLoop.Request[] requests) throws Exception {
        sim.faults(Map.of("operation", "SEND", "latencyMs", REMOTE_LATENCY_MS));
        try {
            results.detail("== send with CEC answering after %d ms", REMOTE_LATENCY_MS);
            double[] rate = new double[names.length];
            for (int k : new int[] { 0, 1, 2, 4 }) {
                rate[k] = log(results, 0, ClosedLoop.run(names[k] + "@" + REMOTE_LATENCY_MS + "ms", CONCURRENCY,
                        Math.min(3, mode.warmupSeconds()), mode.measureSeconds(), requests[k], meter)).perSecond();
            }
            results.row("send with CEC " + REMOTE_LATENCY_MS + " ms away, cec:send / raw HttpClient",
                    Results.f0(rate[1]) + " / " + Results.f0(rate[0]) + " msg/s = **"
                    + String.format("%.3f", rate[1] / rate[0]) + "**", "≥ 0.95", rate[1] / rate[0] >= 0.95);
            results.row("send with CEC " + REMOTE_LATENCY_MS + " ms away, cec:send / hand-written camel-http route (pool 200)",
                    Results.f0(rate[1]) + " / " + Results.f0(rate[2]) + " msg/s = **"
                    + String.format("%.2f", rate[1] / rate[2]) + "**", "≥ 1.5", rate[1] / rate[2] >= 1.5);
            results.row("send with CEC " + REMOTE_LATENCY_MS + " ms away, cec:send / the same route on camel-http's defaults",
                    Results.f0(rate[1]) + " / " + Results.f0(rate[4]) + " msg/s = **"
                    + String.format("%.2f", rate[1] / rate[4]) + "**", "≥ 1.5", rate[1] / rate[4] >= 1.5);
        } finally {
            sim.clearFaults();
        }
    }

    private static void report(List<ClosedLoop.Outcome[]> rounds, Results results) {
        double[] vsRaw = rounds.stream().mapToDouble(o -> o[1].perSecond() / o[0].perSecond()).sorted().toArray();
        double[] vsHttp = rounds.stream().mapToDouble(o -> o[1].perSecond() / o[2].perSecond()).sorted().toArray();
        ClosedLoop.Outcome[] median = rounds.stream()
                .sorted((a, b) -> Double.compare(a[1].perSecond() / a[0].perSecond(), b[1].perSecond() / b[0].perSecond()))
                .toList().get(rounds.size() / 2);
        String spread = rounds.size() > 1
                ? String.format(" (rounds: %.3f … %.3f)", vsRaw[0], vsRaw[vsRaw.length - 1]) : "";
        String spreadHttp = rounds.size() > 1
                ? String.format(" (rounds: %.2f … %.2f)", vsHttp[0], vsHttp[vsHttp.length - 1]) : "";
        double ratioRaw = median[1].perSecond() / median[0].perSecond();
        double ratioHttp = median[1].perSecond() / median[2].perSecond();
        results.row("send throughput, cec:send / raw HttpClient (64 senders)",
                Results.f0(median[1].perSecond()) + " / " + Results.f0(median[0].perSecond()) + " msg/s = **"
                + String.format("%.3f", ratioRaw) + "**" + spread, "≥ 0.95", ratioRaw >= 0.95);
        results.row("send throughput, cec:send / hand-written camel-http route",
                Results.f0(median[1].perSecond()) + " / " + Results.f0(median[2].perSecond()) + " msg/s = **"
                + String.format("%.2f", ratioHttp) + "**" + spreadHttp, "≥ 1.5", ratioHttp >= 1.5);
        double[] vsHttpDefaults = rounds.stream().mapToDouble(o -> o[1].perSecond() / o[4].perSecond()).sorted().toArray();
        double ratioHttpDefaults = median[1].perSecond() / median[4].perSecond();
        String spreadDefaults = rounds.size() > 1
                ? String.format(" (rounds: %.2f … %.2f)", vsHttpDefaults[0], vsHttpDefaults[vsHttpDefaults.length - 1]) : "";
        results.row("send throughput, cec:send / the same route on camel-http's defaults (20 connections per route)",
                Results.f0(median[1].perSecond()) + " / " + Results.f0(median[4].perSecond()) + " msg/s = **"
                + String.format("%.2f", ratioHttpDefaults) + "**" + spreadDefaults, "≥ 1.5", ratioHttpDefaults >= 1.5);
        double[] syncVsRaw = rounds.stream().mapToDouble(o -> o[5].perSecond() / o[0].perSecond()).sorted().toArray();
        ClosedLoop.Outcome[] syncMedian = rounds.stream()
                .sorted((a, b) -> Double.compare(a[5].perSecond() / a[0].perSecond(), b[5].perSecond() / b[0].perSecond()))
                .toList().get(rounds.size() / 2);
        double ratioSync = syncMedian[5].perSecond() / syncMedian[0].perSecond();
        String spreadSync = rounds.size() > 1
                ? String.format(" (rounds: %.3f … %.3f)", syncVsRaw[0], syncVsRaw[syncVsRaw.length - 1]) : "";
        results.row("send throughput, cec:send?synchronous=true / raw HttpClient (64 senders)",
                Results.f0(syncMedian[5].perSecond()) + " / " + Results.f0(syncMedian[0].perSecond()) + " msg/s = **"
                + String.format("%.3f", ratioSync) + "**" + spreadSync, "≥ 0.95", ratioSync >= 0.95);
        double ratioClient = median[3].perSecond() / median[0].perSecond();
        results.row("diagnostic: the component's CecConnection without Camel / raw HttpClient",
                Results.f0(median[3].perSecond()) + " / " + Results.f0(median[0].perSecond()) + " msg/s = "
                + String.format("%.3f", ratioClient), "(reported)", null);
        results.row("send latency p50 / p99 (raw · cec · camel-http)",
                String.format("%.2f/%.2f · %.2f/%.2f · %.2f/%.2f ms", median[0].p50(), median[0].p99(), median[1].p50(),
                        median[1].p99(), median[2].p50(), median[2].p99()), "(reported)", null);
    }

    private static ClosedLoop.Outcome log(Results results, int round, ClosedLoop.Outcome o) {
        results.detail("send round %d %-5s %,9.0f msg/s  p50 %6.2f ms  p99 %6.2f ms  failures %d  client CPU %.0f %%  "
                       + "simulator CPU %.0f %%  threads %d", round + 1, o.name(), o.perSecond(), o.p50(), o.p99(),
                o.failures(), o.cpu().cpuPercent(), o.cpu().simulatorCpuPercent(), o.cpu().threads());
        return o;
    }

    static String user(String kind, int sender, int customer) {
        return kind + "-" + sender + "-" + customer;
    }
}
