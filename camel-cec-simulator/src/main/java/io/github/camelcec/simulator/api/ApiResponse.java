package io.github.camelcec.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** What the simulator answers: HTTP status, JSON body bytes, extra headers, and the business code for the journal. */
public record ApiResponse(int status, byte[] body, String resultCode, Map<String, String> headers) {

    /** HTTP 200 with a business body; {@code resultCode} or the {@code returnCode} quirk is read for the journal. */
    public static ApiResponse ok(ObjectNode body) {
        return new ApiResponse(200, Json.bytes(body), businessCode(body), Map.of());
    }

    /** HTTP 200 with pre-serialised bytes. */
    public static ApiResponse ok(byte[] body, String resultCode) {
        return new ApiResponse(200, body, resultCode, Map.of());
    }

    /** A non-200 answer in the API gateway's error shape ({@code error_code}, {@code error_msg}). */
    public static ApiResponse error(int status, String errorCode, String message) {
        ObjectNode body = Json.object().put("error_code", errorCode).put("error_msg", message);
        return new ApiResponse(status, Json.bytes(body), null, Map.of());
    }

    /** A simulator-made error: {@code error_code} is {@code SIM.<status>}. */
    public static ApiResponse error(int status, String message) {
        return error(status, "SIM." + status, message);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new ApiResponse(status, body, resultCode, all);
    }

    /** The same answer gzip-compressed, with {@code Content-Encoding: gzip} (ref §16.1 sample). */
    public ApiResponse gzipped() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApiResponse(status, out.toByteArray(), resultCode, headers).withHeader("content-encoding", "gzip");
    }

    private static String businessCode(JsonNode body) {
        String code = Json.text(body, "resultCode");
        return code != null ? code : Json.text(body, "returnCode");
    }
}
