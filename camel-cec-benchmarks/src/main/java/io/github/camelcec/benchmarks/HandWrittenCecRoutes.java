package io.github.camelcec.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * What users write today without cec: a camel-http route with the tokens handled by hand. A gateway token cached
 * until shortly before it expires (fetched under a lock), a map of customer tokens filled by an applyToken route on
 * first use, a CONNECT before a customer's first CHAT, a rotated {@code ccmessaging-token} adopted, and one retry
 * after a 401. JSON with Jackson in processors. Entry: {@code direct:handWrittenSend}, body = text, header
 * {@code userId}.
 */
public final class HandWrittenCecRoutes extends RouteBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final Map<String, String> customerTokens = new ConcurrentHashMap<>();
    private final Set<String> connected = ConcurrentHashMap.newKeySet();
    private volatile String gatewayToken;
    private volatile long gatewayRefreshAt;
    private ProducerTemplate template;

    public HandWrittenCecRoutes(String baseUrl) {
        this.base = baseUrl;
    }

    @Override
    public void configure() {
        template = getContext().createProducerTemplate();
        String json = "application/json;charset=UTF-8";

        from("direct:handWrittenSend").routeId("hand-written-send")
                .process(e -> prepareSend(e, "CHAT", e.getMessage().getBody(String.class)))
                .to("direct:handWrittenCall")
                .process(this::checkAnswer);

        from("direct:handWrittenCall").routeId("hand-written-call")
                .removeHeaders("CamelHttp*")
                .setHeader(Exchange.CONTENT_TYPE, constant(json))
                .to(base + "/apiaccess/ccmessaging/send?httpMethod=POST&throwExceptionOnFailure=false");

        from("direct:handWrittenGatewayToken").routeId("hand-written-gateway-token")
                .setHeader("X-Token-Expire", constant("600"))
                .setHeader(Exchange.CONTENT_TYPE, constant(json))
                .setBody(constant("{\"app_key\":\"" + SimulatorHandle.APP_KEY + "\",\"app_secret\":\""
                                  + SimulatorHandle.APP_SECRET + "\"}"))
                .to(base + "/apigovernance/api/oauth/tokenByAkSk?httpMethod=POST");

        from("direct:handWrittenApplyToken").routeId("hand-written-apply-token")
                .setHeader(Exchange.CONTENT_TYPE, constant(json))
                .to(base + "/apiaccess/ccmessaging/applyToken?httpMethod=POST");
    }

    private void prepareSend(Exchange exchange, String controlType, String content) throws Exception {
        String userId = exchange.getMessage().getHeader("userId", String.class);
        String token = customerToken(userId);
        if (!"CONNECT".equals(controlType) && connected.add(userId)) {
            connect(userId);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "WEB");
        body.put("content", content);
        body.put("controlType", controlType);
        body.put("from", userId);
        body.put("mediaType", "TEXT");
        body.put("sourceType", "CUSTOMER");
        body.put("to", SimulatorHandle.CHANNEL_CONFIG_ID);
        body.put("timestamp", Long.toString(System.currentTimeMillis()));
        exchange.getMessage().setHeader("Authorization", "Bearer " + gatewayToken());
        exchange.getMessage().setHeader("x-app-key", SimulatorHandle.APP_KEY);
        exchange.getMessage().setHeader("ccmessaging-token", token);
        exchange.setProperty("sentToken", token);
        exchange.setProperty("sentBody", body);
        exchange.getMessage().setBody(JSON.writeValueAsBytes(body));
    }

    private void checkAnswer(Exchange exchange) throws Exception {
        String userId = exchange.getMessage().getHeader("userId", String.class);
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == 401 && !exchange.getProperty("retried", false, Boolean.class)) {
            customerTokens.remove(userId, exchange.getProperty("sentToken", String.class));
            exchange.setProperty("retried", true);
            @SuppressWarnings("unchecked")
            Map<String, Object> body = exchange.getProperty("sentBody", Map.class);
            prepareSend(exchange, (String) body.get("controlType"), (String) body.get("content"));
            template.send("direct:handWrittenCall", exchange);
            checkAnswer(exchange);
            return;
        }
        String rotated = exchange.getMessage().getHeader("ccmessaging-token", String.class);
        if (rotated != null && !rotated.equals(exchange.getProperty("sentToken"))) {
            customerTokens.put(userId, rotated);
        }
        JsonNode answer = JSON.readTree(exchange.getMessage().getBody(byte[].class));
        if (status != 200 || !"0".equals(answer.path("resultCode").asText())) {
            throw new IllegalStateException("send failed: HTTP " + status + " " + answer);
        }
        exchange.getMessage().setBody(answer);
    }

    private void connect(String userId) throws Exception {
        Exchange connect = template.request("direct:handWrittenCall", e -> {
            e.getMessage().setHeader("userId", userId);
            prepareSend(e, "CONNECT", "");
        });
        try {
            if (connect.getException() != null) {
                throw connect.getException();
            }
            checkAnswer(connect);
        } catch (Exception e) {
            connected.remove(userId);
            throw e;
        }
    }

    private String customerToken(String userId) {
        return customerTokens.computeIfAbsent(userId, id -> {
            try {
                String body = "{\"userId\":\"" + id + "\",\"userName\":\"" + id + "\",\"channelId\":\""
                              + SimulatorHandle.CHANNEL_CONFIG_ID + "\",\"locale\":\"en\"}";
                byte[] answer = template.requestBodyAndHeaders("direct:handWrittenApplyToken", body,
                        Map.of("Authorization", "Bearer " + gatewayToken(), "x-app-key", SimulatorHandle.APP_KEY),
                        byte[].class);
                return JSON.readTree(answer).get("token").asText();
            } catch (Exception e) {
                throw new IllegalStateException("applyToken failed for " + id, e);
            }
        });
    }

    private String gatewayToken() throws Exception {
        if (gatewayToken == null || System.currentTimeMillis() > gatewayRefreshAt) {
            synchronized (this) {
                if (gatewayToken == null || System.currentTimeMillis() > gatewayRefreshAt) {
                    byte[] answer = template.requestBody("direct:handWrittenGatewayToken", (Object) null, byte[].class);
                    JsonNode token = JSON.readTree(answer);
                    gatewayRefreshAt = System.currentTimeMillis() + (token.get("Expires").asLong() - 60) * 1000;
                    gatewayToken = token.get("AccessToken").asText();
                }
            }
        }
        return gatewayToken;
    }
}
