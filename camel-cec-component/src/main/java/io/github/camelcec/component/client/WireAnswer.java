package io.github.camelcec.component.client;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP answer from CEC: status, the rotated customer token if the server sent one (cec-api §2), the decompressed
 * body. {@code toString} never shows the token.
 */
public record WireAnswer(int status, String rotatedToken, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WireAnswer[status=" + status + ", bytes=" + body.length + "]";
    }
}
