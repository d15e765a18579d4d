package io.github.camelcec.component.client;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelcec.component.auth.CustomerToken;
import io.github.camelcec.component.auth.CustomerTokenManager;
import io.github.camelcec.component.auth.GatewayToken;
import io.github.camelcec.component.auth.GatewayTokenManager;
import io.github.camelcec.component.model.ApplyTokenRequest;
import io.github.camelcec.component.model.ApplyTokenResponse;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.ClickToCallEventsResponse;
import io.github.camelcec.component.model.ClickToCallRequest;
import io.github.camelcec.component.model.ClickToCallSupportResponse;
import io.github.camelcec.component.model.ControlType;
import io.github.camelcec.component.model.CreateCallRequest;
import io.github.camelcec.component.model.CreateCallResponse;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.model.DownloadFileRequest;
import io.github.camelcec.component.model.DownloadFileResponse;
import io.github.camelcec.component.model.DropClickToCallRequest;
import io.github.camelcec.component.model.GatewayTokenResponse;
import io.github.camelcec.component.model.LeaveMessageRequest;
import io.github.camelcec.component.model.PhraseQueryRequest;
import io.github.camelcec.component.model.PhraseQueryResponse;
import io.github.camelcec.component.model.PollResponse;
import io.github.camelcec.component.model.QueueInfoRequest;
import io.github.camelcec.component.model.QueueInfoResponse;
import io.github.camelcec.component.model.RobotFeedbackRequest;
import io.github.camelcec.component.model.SatisfactionRequest;
import io.github.camelcec.component.model.SendMessageRequest;
import io.github.camelcec.component.model.UploadFileRequest;
import io.github.camelcec.component.model.UploadFileResponse;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The typed CEC web-client API. One method per operation, each in a blocking and a non-blocking
 * ({@code ...Async}) form. Both token layers live here:
 * <ul>
 * <li>the gateway token is fetched on first use, refreshed ahead of expiry, and fetched anew after an HTTP 403;</li>
 * <li>a customer token is applied once per customer and lifetime, replaced by a rotated {@code ccmessaging-token}
 * response header at once, and applied again after an HTTP 401;</li>
 * <li>a request refused with 401/403 is replayed once with the new token.</li>
 * </ul>
 * Every request is validated against the reference's limits before it is sent. Fields left null in a request are
 * filled from the configuration (channel, channelConfigId, locale) and the {@link Customer}.
 */
public final class CecClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CecClient.class);
    private static final ContentType JSON = ContentType.create("application/json", StandardCharsets.UTF_8);

    private final CecClientConfiguration config;
    private final CecHttpTransport transport;
    private final GatewayTokenManager gatewayTokens;
    private final CustomerTokenManager customerTokens;

    public CecClient(CecClientConfiguration config) {
        this(config, null);
    }

    /**
     * A client that uses the token layers of {@code tokensOf} (same app and channel, other transport settings), so
     * both share one gateway token and one token per customer.
     */
    public CecClient(CecClientConfiguration config, CecClient tokensOf) {
        this.config = config;
        this.transport = new CecHttpTransport(config);
        this.gatewayTokens = tokensOf != null ? tokensOf.gatewayTokens
                : new GatewayTokenManager(this::fetchGatewayToken, config.clock());
        this.customerTokens = tokensOf != null ? tokensOf.customerTokens
                : new CustomerTokenManager(this::applyForToken, config.customerTokenStore(), config.customerTokenTtl(),
                        config.clock());
    }

    public CecClientConfiguration configuration() {
        return config;
    }

    /** The customer tokens, e.g. to forget a customer whose session ended. */
    public CustomerTokenManager customerTokens() {
        return customerTokens;
    }

    /**
     * Completes when the app's credentials are good: the cached gateway token, or a fetch when there is none. Costs
     * no request while a token is cached, so health checks may call it often.
     */
    public CompletableFuture<Void> verifyGatewayAccess() {
        return guard("tokenByAkSk", () -> gatewayTokens.token().thenApply(t -> null));
    }

    // ---- operations ---------------------------------------------------------------------------------------------

    /**
     * ref §3: apply for a customer token explicitly (normally done on demand); the token is kept for later calls. A
     * refusal (resultCode 1) is a {@link CecAuthenticationException}, or the returned response when
     * failOnBusinessError is off.
     */
    public CompletableFuture<ApplyTokenResponse> applyTokenAsync(Customer customer) {
        return guard("applyToken", () -> {
            ApplyTokenRequest request = applyTokenRequest(customer);
            RequestValidator.applyToken(request);
            return call(CecApi.APPLY_TOKEN, "applyToken", null, request, null, ApplyTokenResponse.class)
                    .thenApply(response -> {
                        if (response.isSuccess() || config.failOnBusinessError()) {
                            customerTokens.adoptApplied(customer.userId(), tokenOf(response));
                        }
                        return response;
                    });
        });
    }

    /** ref §7: send a message, or a control message (CONNECT, TRANS2AGENT, INPUT, DISCONNECT). */
    public CompletableFuture<CecResult> sendAsync(Customer customer, SendMessageRequest request) {
        return guard("send", () -> {
            prepareSend(customer, request);
            return call(CecApi.SEND, "send", customer, request, null, CecResult.class);
        });
    }

    /** {@link #sendAsync} for a request that already went through {@link #prepareSend}: not checked again. */
    public CompletableFuture<CecResult> sendPreparedAsync(Customer customer, SendMessageRequest request) {
        return guard("send", () -> call(CecApi.SEND, "send", customer, request, null, CecResult.class));
    }

    /**
     * Fills the defaults of a send request and validates it, without sending: lets a caller refuse bad input before
     * any other request it would make first (such as an automatic CONNECT).
     */
    public void prepareSend(Customer customer, SendMessageRequest request) {
        fill(request, customer);
        RequestValidator.send(request);
    }

    /** ref §5: fetch (and so consume) the messages waiting for the customer. */
    public CompletableFuture<PollResponse> pollAsync(Customer customer) {
        return guard("poll", () -> {
            RequestValidator.poll(customer.userId());
            Map<String, String> query = new LinkedHashMap<>();
            query.put("receiverId", customer.userId());
            query.put("channel", config.channel());
            return call(CecApi.POLL, "poll", customer, null, query, PollResponse.class);
        });
    }

    /** ref §8: upload a file; send the returned objectKey as a media message. */
    public CompletableFuture<UploadFileResponse> uploadAsync(Customer customer, UploadFileRequest request) {
        return guard("upload", () -> {
            if (request.getChannel() == null) {
                request.setChannel(config.channel());
            }
            RequestValidator.upload(request);
            return call(CecApi.UPLOAD_FILE, "upload", customer, request, null, UploadFileResponse.class);
        });
    }

    /** ref §9: download a media file by the id a downlink message carried. */
    public CompletableFuture<DownloadFileResponse> downloadAsync(Customer customer, DownloadFileRequest request) {
        return guard("download", () -> {
            if (request.getChannel() == null) {
                request.setChannel(config.channel());
            }
            RequestValidator.download(request);
            return call(CecApi.DOWNLOAD_FILE, "download", customer, request, null, DownloadFileResponse.class);
        });
    }

    /** ref §6: the customer's rating of the conversation. */
    public CompletableFuture<CecResult> satisfactionAsync(Customer customer, SatisfactionRequest request) {
        return guard("satisfaction", () -> {
            if (request.getChannel() == null) {
                request.setChannel(config.channel());
            }
            if (request.getUserId() == null) {
                request.setUserId(customer.userId());
            }
            if (request.getChannelConfigId() == null) {
                request.setChannelConfigId(config.channelConfigId());
            }
            RequestValidator.satisfaction(request);
            return call(CecApi.SAVE_SATISFACTION, "satisfaction", customer, request, null, CecResult.class);
        });
    }

    /** ref §17: the customer's rating of one robot answer. */
    public CompletableFuture<CecResult> robotFeedbackAsync(Customer customer, RobotFeedbackRequest request) {
        return guard("robotFeedback", () -> {
            if (request.getFrom() == null) {
                request.setFrom(customer.userId());
            }
            RequestValidator.robotFeedback(request);
            return call(CecApi.ROBOT_FEEDBACK, "robotFeedback", customer, request, null, CecResult.class);
        });
    }

    /** ref §4: the customer's place in the agent queue. */
    public CompletableFuture<QueueInfoResponse> queueInfoAsync(Customer customer, QueueInfoRequest request) {
        return guard("queueInfo", () -> {
            if (request.getUserId() == null) {
                request.setUserId(customer.userId());
            }
            if (request.getChannelConfigId() == null) {
                request.setChannelConfigId(config.channelConfigId());
            }
            if (request.getChannel() == null) {
                request.setChannel(config.channel());
            }
            RequestValidator.queueInfo(request);
            return call(CecApi.QUERY_QUEUE_INFO, "queueInfo", customer, request, null, QueueInfoResponse.class);
        });
    }

    /** ref §10: robot phrase suggestions for a keyword. */
    public CompletableFuture<PhraseQueryResponse> phrasesAsync(Customer customer, PhraseQueryRequest request) {
        return guard("phrases", () -> {
            if (request.getLocale() == null) {
                request.setLocale(config.locale());
            }
            if (request.getChannel() == null) {
                request.setChannel(config.channel());
            }
            RequestValidator.phrases(request);
            return call(CecApi.QUERY_PHRASES, "phrases", customer, request, null, PhraseQueryResponse.class);
        });
    }

    /** ref §15: leave a message (e.g. after CONNECT failed outside working hours). */
    public CompletableFuture<CecResult> leaveMessageAsync(Customer customer, LeaveMessageRequest request) {
        return guard("leaveMessage", () -> {
            if (request.getChannel() == null) {
                request.setChannel(config.channel());
            }
            RequestValidator.leaveMessage(request);
            return call(CecApi.LEAVE_MESSAGE, "leaveMessage", customer, request, null, CecResult.class);
        });
    }

    /** ref §16: an anonymous outbound call task; made with the app's credentials only. */
    public CompletableFuture<CreateCallResponse> createCallAsync(CreateCallRequest request) {
        return guard("createCall", () -> {
            RequestValidator.createCall(request);
            return call(CecApi.CREATE_CALL, "createCall", null, request, null, CreateCallResponse.class);
        });
    }

    /** ref §11: start a click-to-call. */
    public CompletableFuture<CecResult> clickToCallAsync(Customer customer, ClickToCallRequest request) {
        return guard("clickToCall", () -> {
            if (request.getChannel() == null) {
                request.setChannel(config.channel());
            }
            RequestValidator.clickToCall(request);
            return call(CecApi.CREATE_CLICK_TO_CALL, "clickToCall", customer, request, null, CecResult.class);
        });
    }

    /** ref §12: the current click-to-call event. */
    public CompletableFuture<ClickToCallEventsResponse> clickToCallEventsAsync(Customer customer) {
        return guard("clickToCallEvents", () -> call(CecApi.GET_CLICK_TO_CALL_EVENTS, "clickToCallEvents", customer,
                null, Map.of("channel", config.channel()), ClickToCallEventsResponse.class));
    }

    /** ref §13: whether the tenant supports click-to-call and WebRTC. */
    public CompletableFuture<ClickToCallSupportResponse> clickToCallSupportAsync(Customer customer) {
        return guard("clickToCallSupport", () -> call(CecApi.CHECK_CLICK_TO_CALL_SUPPORT, "clickToCallSupport",
                customer, null, Map.of("channel", config.channel()), ClickToCallSupportResponse.class));
    }

    /** ref §14: release the current click-to-call. */
    public CompletableFuture<CecResult> dropClickToCallAsync(Customer customer, DropClickToCallRequest request) {
        return guard("dropClickToCall", () -> {
            if (request.getChannel() == null) {
                request.setChannel(config.channel());
            }
            return call(CecApi.DROP_CLICK_TO_CALL, "dropClickToCall", customer, request, null, CecResult.class);
        });
    }

    // ---- blocking forms -----------------------------------------------------------------------------------------

    public ApplyTokenResponse applyToken(Customer customer) {
        return await(applyTokenAsync(customer));
    }

    public CecResult send(Customer customer, SendMessageRequest request) {
        return await(sendAsync(customer, request));
    }

    public PollResponse poll(Customer customer) {
        return await(pollAsync(customer));
    }

    public UploadFileResponse upload(Customer customer, UploadFileRequest request) {
        return await(uploadAsync(customer, request));
    }

    public DownloadFileResponse download(Customer customer, DownloadFileRequest request) {
        return await(downloadAsync(customer, request));
    }

    public CecResult satisfaction(Customer customer, SatisfactionRequest request) {
        return await(satisfactionAsync(customer, request));
    }

    public CecResult robotFeedback(Customer customer, RobotFeedbackRequest request) {
        return await(robotFeedbackAsync(customer, request));
    }

    public QueueInfoResponse queueInfo(Customer customer, QueueInfoRequest request) {
        return await(queueInfoAsync(customer, request));
    }

    public PhraseQueryResponse phrases(Customer customer, PhraseQueryRequest request) {
        return await(phrasesAsync(customer, request));
    }

    public CecResult leaveMessage(Customer customer, LeaveMessageRequest request) {
        return await(leaveMessageAsync(customer, request));
    }

    public CreateCallResponse createCall(CreateCallRequest request) {
        return await(createCallAsync(request));
    }

    public CecResult clickToCall(Customer customer, ClickToCallRequest request) {
        return await(clickToCallAsync(customer, request));
    }

    public ClickToCallEventsResponse clickToCallEvents(Customer customer) {
        return await(clickToCallEventsAsync(customer));
    }

    public ClickToCallSupportResponse clickToCallSupport(Customer customer) {
        return await(clickToCallSupportAsync(customer));
    }

    public CecResult dropClickToCall(Customer customer, DropClickToCallRequest request) {
        return await(dropClickToCallAsync(customer, request));
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "CecClient[" + config + "]";
    }

    // ---- the request path ---------------------------------------------------------------------------------------

    private void fill(SendMessageRequest request, Customer customer) {
        if (request.getChannel() == null) {
            request.setChannel(config.channel());
        }
        if (request.getFrom() == null) {
            request.setFrom(customer.userId());
        }
        if (request.getTo() == null) {
            request.setTo(config.channelConfigId());
        }
        if (request.getSourceType() == null) {
            request.setSourceType(SendMessageRequest.SOURCE_CUSTOMER);
        }
        if (request.getTimestamp() == null) {
            request.setTimestamp(Long.toString(config.clock().millis()));
        }
        if (request.getContent() == null && request.getControlType() != null
            && request.getControlType() != ControlType.CHAT) {
            request.setContent("");
        }
    }

    private ApplyTokenRequest applyTokenRequest(Customer customer) {
        ApplyTokenRequest request = new ApplyTokenRequest();
        request.setUserId(customer.userId());
        request.setUserName(customer.userName());
        request.setChannelId(config.channelConfigId());
        request.setLocale(config.locale());
        return request;
    }

    /** The customer-token layer's way to apply: validated like the explicit call, but not stored here. */
    private CompletableFuture<String> applyForToken(String userId, String userName) {
        ApplyTokenRequest request = applyTokenRequest(Customer.of(userId, userName));
        RequestValidator.applyToken(request);
        return call(CecApi.APPLY_TOKEN, "applyToken", null, request, null, ApplyTokenResponse.class)
                .thenApply(this::tokenOf);
    }

    private String tokenOf(ApplyTokenResponse response) {
        // ref §3.1.2: resultCode 1 is a failure even when failOnBusinessError is off
        if (!response.isSuccess() || response.getToken() == null || response.getToken().isBlank()) {
            throw new CecAuthenticationException("applyToken", 200,
                    "no token issued: resultCode=" + response.getResultCode() + ", resultDesc=" + response.getResultDesc());
        }
        return response.getToken();
    }

    private CompletableFuture<GatewayToken> fetchGatewayToken() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("app_key", config.appKey());
        body.put("app_secret", config.appSecret());
        SimpleHttpRequest request = SimpleHttpRequest.create("POST",
                config.baseUrl().resolve(CecApi.TOKEN_BY_AKSK_PATH));
        request.setHeader("X-Token-Expire", Long.toString(config.gatewayTokenTtl().toSeconds()));
        request.setHeader("Accept", "application/json");
        request.setBody(json(body), JSON);
        Instant requestedAt = config.clock().instant();
        return transport.execute(request).thenApply(answer -> {
            LOG.debug("tokenByAkSk answered HTTP {}", answer.status());
            if (answer.status() != 200) {
                throw new CecAuthenticationException("tokenByAkSk", answer.status(), text(answer.body()));
            }
            GatewayTokenResponse response = parse("tokenByAkSk", answer, GatewayTokenResponse.class);
            if (response.getAccessToken() == null || response.getAccessToken().isBlank()) {
                throw new CecAuthenticationException("tokenByAkSk", answer.status(), "no AccessToken in the answer");
            }
            Duration lifetime = expires(response.getExpires());
            // refresh ahead: a tenth of the lifetime before expiry, at most a minute
            Duration margin = lifetime.dividedBy(10).compareTo(Duration.ofMinutes(1)) > 0
                    ? Duration.ofMinutes(1) : lifetime.dividedBy(10);
            Instant expiresAt = requestedAt.plus(lifetime);
            return new GatewayToken(response.getAccessToken(), expiresAt, expiresAt.minus(margin));
        });
    }

    private Duration expires(String expires) {
        try {
            long seconds = Long.parseLong(expires.trim());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (RuntimeException e) {
            LOG.debug("tokenByAkSk sent no usable Expires; assuming the requested {} s",
                    config.gatewayTokenTtl().toSeconds());
        }
        return config.gatewayTokenTtl();
    }

    private <T extends CecResult> CompletableFuture<T> call(CecApi api, String operation, Customer customer,
                                                            Object body, Map<String, String> query, Class<T> type) {
        byte[] payload = body == null ? null : json(body);
        return attempt(api, operation, customer, payload, query, type, true);
    }

    private <T extends CecResult> CompletableFuture<T> attempt(CecApi api, String operation, Customer customer,
                                                               byte[] payload, Map<String, String> query, Class<T> type,
                                                               boolean mayReplay) {
        CompletableFuture<GatewayToken> gateway = gatewayTokens.token();
        CompletableFuture<CustomerToken> customerToken = customerToken(api, customer);
        if (ready(gateway) && ready(customerToken)) {
            // the usual case: both tokens cached, no stages to wait on
            return exchange(api, operation, customer, payload, query, type, mayReplay, gateway.join(),
                    customerToken.join());
        }
        return gateway.thenCompose(g -> customerToken.thenCompose(
                c -> exchange(api, operation, customer, payload, query, type, mayReplay, g, c)));
    }

    private <T extends CecResult> CompletableFuture<T> exchange(CecApi api, String operation, Customer customer,
                                                                byte[] payload, Map<String, String> query,
                                                                Class<T> type, boolean mayReplay, GatewayToken gateway,
                                                                CustomerToken customerToken) {
        return transport.execute(request(api, payload, query, gateway, customerToken)).thenCompose(answer -> {
            LOG.debug("{} answered HTTP {}", operation, answer.status());
            if (customerToken != null) {
                customerTokens.adoptRotated(customer.userId(), customerToken, answer.rotatedToken());
            }
            if (mayReplay && answer.status() == 401) {
                // ref §3.1.2: a 401 means apply for the customer token again; without one, the gateway token is the
                // credential the server refused
                CompletableFuture<?> refreshed = customerToken != null
                        ? customerTokens.invalidate(customer.userId(), customer.userName(), customerToken)
                        : gatewayTokens.invalidate(gateway);
                return refreshed.thenCompose(x -> attempt(api, operation, customer, payload, query, type, false));
            }
            if (mayReplay && answer.status() == 403) {
                // cec-api §5: an expired gateway token answers 403
                return gatewayTokens.invalidate(gateway).thenCompose(
                        x -> attempt(api, operation, customer, payload, query, type, false));
            }
            return CompletableFuture.completedFuture(interpret(operation, answer, type));
        });
    }

    private static boolean ready(CompletableFuture<?> future) {
        return future.isDone() && !future.isCompletedExceptionally();
    }

    private CompletableFuture<CustomerToken> customerToken(CecApi api, Customer customer) {
        if (!api.usesCustomerToken()) {
            return CompletableFuture.completedFuture(null);
        }
        return customerTokens.token(customer.userId(), customer.userName());
    }

    private SimpleHttpRequest request(CecApi api, byte[] payload, Map<String, String> query, GatewayToken gateway,
                                      CustomerToken customerToken) {
        StringBuilder uri = new StringBuilder(config.baseUrl().toString()).append(config.path(api));
        if (query != null && !query.isEmpty()) {
            char sep = '?';
            for (Map.Entry<String, String> e : query.entrySet()) {
                uri.append(sep).append(e.getKey()).append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        SimpleHttpRequest request = SimpleHttpRequest.create(api.method(), uri.toString());
        request.setHeader("Authorization", "Bearer " + gateway.value());
        request.setHeader("x-app-key", config.appKey());
        if (customerToken != null) {
            request.setHeader(CecHttpTransport.CUSTOMER_TOKEN_HEADER, customerToken.value());
        }
        request.setHeader("Accept", "application/json");
        if (config.acceptLanguage() != null) {
            request.setHeader("Accept-Language", config.acceptLanguage());
        }
        if (payload != null) {
            request.setBody(payload, JSON);
        }
        return request;
    }

    private <T extends CecResult> T interpret(String operation, CecHttpTransport.Answer answer, Class<T> type) {
        int status = answer.status();
        if (status == 401 || status == 403) {
            throw new CecAuthenticationException(operation, status, text(answer.body()));
        }
        if (status < 200 || status >= 300) {
            throw new CecHttpException(operation, status, text(answer.body()));
        }
        T result = parse(operation, answer, type);
        if (!result.isSuccess() && config.failOnBusinessError()) {
            throw new CecBusinessException(operation, result, status);
        }
        return result;
    }

    private <T> T parse(String operation, CecHttpTransport.Answer answer, Class<T> type) {
        try {
            return CecJson.mapper().readValue(answer.body(), type);
        } catch (IOException e) {
            throw new CecHttpException(operation, answer.status(), "unreadable JSON: " + text(answer.body()));
        }
    }

    private static byte[] json(Object body) {
        try {
            return CecJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Validation and building run synchronously; their failures reach the caller as a failed future. */
    private static <T> CompletableFuture<T> guard(String operation, java.util.function.Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> future;
        try {
            future = work.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return future.handle((value, error) -> {
            if (error == null) {
                return value;
            }
            Throwable cause = unwrap(error);
            throw cause instanceof CecException ce ? ce : new CecTransportException(operation, cause);
        });
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
