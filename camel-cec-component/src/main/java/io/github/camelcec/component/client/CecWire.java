package io.github.camelcec.component.client;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelcec.component.model.Base64Size;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.DownloadFileResponse;
import io.github.camelcec.component.model.PollResponse;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.core5.http.ContentType;

/**
 * The wire: turns an operation of the {@link CecApi} table and its request into one HTTP exchange with the given
 * credentials, and an answer into the operation's response or the matching {@link CecException}. Knows nothing of
 * where tokens come from (package {@code auth}) or of sessions.
 */
public final class CecWire implements AutoCloseable {

    /** cec-api §2: the customer token's request and (rotated) response header. */
    public static final String CUSTOMER_TOKEN_HEADER = "ccmessaging-token";
    /** Names the replica a request comes from (option clientId); CEC ignores it, proxies and the simulator log it. */
    public static final String CLIENT_ID_HEADER = "X-Cec-Client-Id";

    private static final ContentType JSON = ContentType.create("application/json", StandardCharsets.UTF_8);

    private final CecSettings settings;
    private final CecHttpTransport transport;

    public CecWire(CecSettings settings) {
        this.settings = settings;
        this.transport = new CecHttpTransport(settings);
    }

    public CecSettings settings() {
        return settings;
    }

    /** The request of {@code api} in wire form: its JSON body, or for a GET operation its query string. */
    public WireRequest encode(CecApi<?, ?> api, Object request) {
        if (api.isQuery()) {
            Map<String, Object> fields = CecJson.mapper().convertValue(request, CecJson.FIELDS);
            StringBuilder query = new StringBuilder();
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                if (e.getValue() != null) {
                    query.append(query.length() == 0 ? '?' : '&').append(e.getKey()).append('=')
                            .append(URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8));
                }
            }
            return new WireRequest(api, query.toString(), null);
        }
        return new WireRequest(api, "", json(request));
    }

    /** Sends one request with the gateway token and, when given, the customer's token. */
    public CompletableFuture<WireAnswer> send(WireRequest request, String gatewayToken, String customerToken) {
        CecApi<?, ?> api = request.api();
        SimpleHttpRequest http = SimpleHttpRequest.create(api.method(),
                settings.baseUrl() + settings.path(api) + request.query());
        http.setHeader(new SecretHeader("Authorization", "Bearer " + gatewayToken));
        http.setHeader("x-app-key", settings.appKey());
        if (customerToken != null) {
            http.setHeader(new SecretHeader(CUSTOMER_TOKEN_HEADER, customerToken));
        }
        proxyAuthorization(http);
        http.setHeader("Accept", "application/json");
        if (settings.acceptLanguage() != null) {
            http.setHeader("Accept-Language", settings.acceptLanguage());
        }
        clientId(http);
        if (request.body() != null) {
            http.setBody(request.body(), JSON);
        }
        return transport.execute(api.name(), http);
    }

    /**
     * Plain HTTP through an authenticating proxy: the credentials go with every request (preemptive Basic), as a
     * header HttpClient's header log shows as {@code ***}. HTTPS authenticates the CONNECT instead.
     */
    private void proxyAuthorization(SimpleHttpRequest http) {
        if (settings.proxyAuthUsername() != null && "http".equalsIgnoreCase(settings.baseUrl().getScheme())) {
            String password = settings.proxyAuthPassword() == null ? "" : settings.proxyAuthPassword();
            String credentials = settings.proxyAuthUsername() + ":" + password;
            http.setHeader(new SecretHeader("Proxy-Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        }
    }

    /** cec-api §2: the gateway token request, with the lifetime asked for in {@code X-Token-Expire}. */
    public CompletableFuture<WireAnswer> tokenByAkSk() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("app_key", settings.appKey());
        body.put("app_secret", settings.appSecret());
        SimpleHttpRequest http = SimpleHttpRequest.create("POST", settings.baseUrl() + CecApi.TOKEN_BY_AKSK_PATH);
        http.setHeader("X-Token-Expire", Long.toString(settings.gatewayTokenTtl().toSeconds()));
        http.setHeader("Accept", "application/json");
        http.setBody(json(body), JSON);
        proxyAuthorization(http);
        clientId(http);
        return transport.execute("tokenByAkSk", http).thenApply(answer -> {
            checkProxy("tokenByAkSk", answer);
            return answer;
        });
    }

    private void clientId(SimpleHttpRequest http) {
        if (settings.clientId() != null && !settings.clientId().isBlank()) {
            http.setHeader(CLIENT_ID_HEADER, settings.clientId());
        }
    }

    /**
     * The operation's response: HTTP 401/403 is a {@link CecAuthenticationException}, another non-2xx a
     * {@link CecHttpException}, a non-zero resultCode a {@link CecBusinessException} when the settings say so.
     */
    public <R extends CecResult> R interpret(CecApi<?, R> api, WireAnswer answer) {
        checkProxy(api.name(), answer);
        int status = answer.status();
        if (status == 401 || status == 403) {
            throw new CecAuthenticationException(api.name(), status, answer.text());
        }
        if (status < 200 || status >= 300) {
            throw new CecHttpException(api.name(), status, answer.text());
        }
        R result = parse(api.name(), answer, api.responseType());
        if (result instanceof DownloadFileResponse file) {
            checkFileSize(api.name(), file);
        }
        if (!result.isSuccess() && settings.failOnBusinessError()) {
            throw new CecBusinessException(api.name(), result, status);
        }
        return result;
    }

    /** HTTP 407 comes from the proxy, not from CEC (for HTTPS, the proxy's answer to CONNECT). */
    private void checkProxy(String operation, WireAnswer answer) {
        if (answer.status() == 407) {
            throw new CecProxyAuthenticationException(operation, settings.proxyHost() + ":" + settings.proxyPort(),
                    settings.proxyAuthUsername());
        }
    }

    /** A file whose base64 says it is larger than the bound is refused before it is decoded. */
    private void checkFileSize(String operation, DownloadFileResponse file) {
        String base64 = file.getFileStream();
        long max = settings.maxFileSize();
        long size = base64 == null ? 0 : Base64Size.decoded(base64);
        if (size > max) {
            throw new CecTooLargeException(operation, "CEC " + operation + " sent a file of " + size
                                                      + " bytes, more than maxUploadSize=" + max
                                                      + " bytes; it was not decoded", max);
        }
    }

    /**
     * The answer as {@code type}: read straight into it when every field fits (the usual answer), else field by field
     * ({@link TolerantReader}; a poll answer message by message, {@link PollAnswerReader}). Only an answer that is no
     * JSON object at all is a {@link CecHttpException}.
     */
    public static <T> T parse(String operation, WireAnswer answer, Class<T> type) {
        if (answer.body().length > 0 && answer.body()[0] == '{') {
            try {
                return CecJson.mapper().readValue(answer.body(), type);
            } catch (IOException | RuntimeException misfit) {
                // a field that does not fit its type, or no JSON at all: the tolerant reading below says which
            }
        }
        try {
            JsonNode tree = CecJson.mapper().readTree(answer.body());
            if (!(tree instanceof ObjectNode object)) {
                throw new CecHttpException(operation, answer.status(), "not a JSON object: " + answer.text());
            }
            return type == PollResponse.class
                    ? type.cast(PollAnswerReader.read(object))
                    : TolerantReader.read(object, type);
        } catch (IOException e) {
            throw new CecHttpException(operation, answer.status(), "unreadable JSON: " + answer.text());
        }
    }

    private static byte[] json(Object body) {
        try {
            return CecJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
