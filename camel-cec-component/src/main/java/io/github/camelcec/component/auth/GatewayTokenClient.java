package io.github.camelcec.component.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.github.camelcec.component.client.CecAuthenticationException;
import io.github.camelcec.component.client.CecWire;
import io.github.camelcec.component.model.GatewayTokenResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** cec-api §2: fetches the app's gateway token with tokenByAkSk (AK/SK in, {@code AccessToken} and lifetime out). */
final class GatewayTokenClient {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayTokenClient.class);

    private final CecWire wire;

    GatewayTokenClient(CecWire wire) {
        this.wire = wire;
    }

    CompletableFuture<GatewayToken> fetch() {
        Instant requestedAt = wire.settings().clock().instant();
        return wire.tokenByAkSk().thenApply(answer -> {
            LOG.debug("tokenByAkSk answered HTTP {}", answer.status());
            if (answer.status() != 200) {
                throw new CecAuthenticationException("tokenByAkSk", answer.status(), answer.text());
            }
            GatewayTokenResponse response = CecWire.parse("tokenByAkSk", answer, GatewayTokenResponse.class);
            if (response.getAccessToken() == null || response.getAccessToken().isBlank()) {
                throw new CecAuthenticationException("tokenByAkSk", answer.status(), "no AccessToken in the answer");
            }
            Duration lifetime = lifetime(response.getExpires());
            // refresh ahead: a tenth of the lifetime before expiry, at most a minute
            Duration margin = lifetime.dividedBy(10).compareTo(Duration.ofMinutes(1)) > 0
                    ? Duration.ofMinutes(1) : lifetime.dividedBy(10);
            Instant expiresAt = requestedAt.plus(lifetime);
            return new GatewayToken(response.getAccessToken(), expiresAt, expiresAt.minus(margin));
        });
    }

    private Duration lifetime(String expires) {
        Duration asked = wire.settings().gatewayTokenTtl();
        try {
            long seconds = Long.parseLong(expires.trim());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (RuntimeException e) {
            LOG.debug("tokenByAkSk sent no usable Expires; assuming the requested {} s", asked.toSeconds());
        }
        return asked;
    }
}
