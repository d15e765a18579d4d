package io.github.camelcec.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * The limit: Apache HttpClient 5 async with the same pool and I/O threads as the component's transport, tokens
 * obtained once beforehand, request bodies from a string template, answers checked by status and a substring. No
 * token refresh, no validation, no typed objects, no Camel.
 */
public final class RawCecClient implements AutoCloseable {

    private static final ContentType JSON_TYPE = ContentType.create("application/json", StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloseableHttpAsyncClient http;
    private final String baseUrl;
    private String gatewayToken;

    public RawCecClient(String baseUrl, int maxConnections) {
        this.baseUrl = baseUrl;
        this.http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections).build())
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))
                        .build())
                .disableAutomaticRetries().disableCookieManagement().disableRedirectHandling()
                .build();
        http.start();
    }

    public RawCecClient login() throws Exception {
        SimpleHttpRequest request = SimpleHttpRequest.create("POST", baseUrl + "/apigovernance/api/oauth/tokenByAkSk");
        request.setHeader("X-Token-Expire", "3600");
        request.setBody("{\"app_key\":\"" + SimulatorHandle.APP_KEY + "\",\"app_secret\":\"" + SimulatorHandle.APP_SECRET
                        + "\"}", JSON_TYPE);
        gatewayToken = JSON.readTree(execute(request).get().getBodyBytes()).get("AccessToken").asText();
        return this;
    }

    public String applyToken(String userId) throws Exception {
        SimpleHttpRequest request = gateway(SimpleHttpRequest.create("POST", baseUrl + "/apiaccess/ccmessaging/applyToken"));
        request.setBody("{\"userId\":\"" + userId + "\",\"userName\":\"" + userId + "\",\"channelId\":\""
                        + SimulatorHandle.CHANNEL_CONFIG_ID + "\",\"locale\":\"en\"}", JSON_TYPE);
        JsonNode answer = JSON.readTree(execute(request).get().getBodyBytes());
        return answer.get("token").asText();
    }

    /** One send; completes with true when CEC answered 200 with resultCode 0. */
    public CompletableFuture<Boolean> send(String userId, String token, String controlType, String content) {
        SimpleHttpRequest request = gateway(SimpleHttpRequest.create("POST", baseUrl + "/apiaccess/ccmessaging/send"));
        request.setHeader("ccmessaging-token", token);
        request.setBody("{\"channel\":\"WEB\",\"content\":\"" + content + "\",\"controlType\":\"" + controlType
                        + "\",\"from\":\"" + userId + "\",\"mediaType\":\"TEXT\",\"sourceType\":\"CUSTOMER\",\"to\":\""
                        + SimulatorHandle.CHANNEL_CONFIG_ID + "\",\"timestamp\":\"" + System.currentTimeMillis() + "\"}",
                JSON_TYPE);
        return execute(request).thenApply(RawCecClient::ok);
    }

    /** One poll; completes with the answer's body (200 only). */
    public CompletableFuture<byte[]> poll(String userId, String token) {
        SimpleHttpRequest request = gateway(SimpleHttpRequest.create("GET",
                baseUrl + "/apiaccess/ccmessaging/poll?receiverId=" + userId + "&channel=WEB"));
        request.setHeader("ccmessaging-token", token);
        return execute(request).thenApply(r -> {
            if (r.getCode() != 200) {
                throw new IllegalStateException("poll answered " + r.getCode());
            }
            return r.getBodyBytes();
        });
    }

    private static boolean ok(SimpleHttpResponse response) {
        return response.getCode() == 200 && response.getBodyText().contains("\"resultCode\":\"0\"");
    }

    private SimpleHttpRequest gateway(SimpleHttpRequest request) {
        request.setHeader("Authorization", "Bearer " + gatewayToken);
        request.setHeader("x-app-key", SimulatorHandle.APP_KEY);
        request.setHeader("Accept", "application/json");
        return request;
    }

    private CompletableFuture<SimpleHttpResponse> execute(SimpleHttpRequest request) {
        CompletableFuture<SimpleHttpResponse> answer = new CompletableFuture<>();
        http.execute(request, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse result) {
                answer.complete(result);
            }

            @Override
            public void failed(Exception ex) {
                answer.completeExceptionally(ex);
            }

            @Override
            public void cancelled() {
                answer.cancel(false);
            }
        });
        return answer;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
