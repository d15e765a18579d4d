package io.github.camelcec.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** A plain JDK HTTP client for the simulator, the way a test of the wire would talk to CEC. */
final class SimClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, headers, and the body decoded (gunzipped when gzip-encoded). */
    record Answer(int status, HttpResponse<byte[]> raw, String text) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String field(String name) {
            JsonNode value = json().get(name);
            return value == null || value.isNull() ? null : value.asText();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final CecSimulator sim;
    private final HttpClient http;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    String gatewayToken;

    SimClient(CecSimulator sim) {
        this(sim, HttpClient.newHttpClient());
    }

    /** With a client of the test's own, e.g. one that trusts the simulator's TLS certificate. */
    SimClient(CecSimulator sim, HttpClient http) {
        this.sim = sim;
        this.http = http;
    }

    /** Sends this {@code X-Cec-Client-Id} with every request, as a component replica would. */
    SimClient clientId(String id) {
        extraHeaders.put(JournalEntry.CLIENT_ID_HEADER, id);
        return this;
    }

    /** Fetches a gateway token (X-Token-Expire 600) and keeps it for later calls. */
    SimClient login() {
        Answer a = send("POST", CecOperation.TOKEN_BY_AKSK.path(),
                Map.of("X-Token-Expire", "600"),
                json(Map.of("app_key", sim.appKey(), "app_secret", sim.appSecret())));
        if (a.status() != 200) {
            throw new IllegalStateException("tokenByAkSk answered " + a.status() + " " + a.text());
        }
        gatewayToken = a.field("AccessToken");
        return this;
    }

    /** The gateway headers the reference asks for. */
    Map<String, String> gateway() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + gatewayToken);
        h.put("x-app-key", sim.appKey());
        return h;
    }

    Map<String, String> withToken(String customerToken) {
        Map<String, String> h = gateway();
        h.put("ccmessaging-token", customerToken);
        return h;
    }

    String applyToken(String userId) {
        Answer a = post(CecOperation.APPLY_TOKEN, gateway(), json(Map.of("userId", userId, "userName", "name-" + userId,
                "channelId", sim.channelConfigId(), "locale", "en")));
        if (!"0".equals(a.field("resultCode"))) {
            throw new IllegalStateException("applyToken answered " + a.text());
        }
        return a.field("token");
    }

    Answer sendMessage(String token, String userId, String controlType, String mediaType, String content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "WEB");
        body.put("content", content);
        body.put("controlType", controlType);
        body.put("from", userId);
        body.put("mediaType", mediaType);
        body.put("senderNickname", userId);
        body.put("sourceType", "CUSTOMER");
        body.put("timestamp", Long.toString(System.currentTimeMillis()));
        body.put("to", sim.channelConfigId());
        return post(CecOperation.SEND, withToken(token), json(body));
    }

    Answer send(String token, String userId, String controlType, String text) {
        return sendMessage(token, userId, controlType, "TEXT", text);
    }

    Answer poll(String token, String userId) {
        return send("GET", CecOperation.POLL.path() + "?receiverId=" + userId + "&channel=WEB", withToken(token), null);
    }

    Answer post(CecOperation op, Map<String, String> headers, String body) {
        return send("POST", op.path(), headers, body);
    }

    Answer get(String pathAndQuery, Map<String, String> headers) {
        return send("GET", pathAndQuery, headers, null);
    }

    Answer send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json;charset=UTF-8");
        }
        headers.forEach(b::header);
        extraHeaders.forEach(b::header);
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = r.body();
            if ("gzip".equals(r.headers().firstValue("content-encoding").orElse(null))) {
                try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                    bytes = in.readAllBytes();
                }
            }
            return new Answer(r.statusCode(), r, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
