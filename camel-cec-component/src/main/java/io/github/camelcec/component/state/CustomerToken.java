package io.github.camelcec.component.state;

import java.time.Instant;

/** One customer's {@code ccmessaging-token} (cec-api §2). {@code toString} never shows the value. */
public record CustomerToken(String value, Instant expiresAt) {

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "CustomerToken[value=***, expiresAt=" + expiresAt + "]";
    }
}
