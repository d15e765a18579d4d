package io.github.camelcec.component.auth;

import java.time.Instant;

/**
 * The API-gateway token of one app (cec-api §2), with the moment it expires and the moment to start refreshing it.
 * {@code toString} never shows the value.
 */
public record GatewayToken(String value, Instant expiresAt, Instant refreshAt) {

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isDueForRefresh(Instant now) {
        return !now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
        return "GatewayToken[value=***, expiresAt=" + expiresAt + "]";
    }
}
