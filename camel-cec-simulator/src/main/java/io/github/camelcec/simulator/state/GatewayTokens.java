package io.github.camelcec.simulator.state;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** API-gateway tokens issued by tokenByAkSk (ref §2), each bound to the app key it was issued for. */
public final class GatewayTokens {

    /** One issued token; {@code expiresAt} is exclusive. */
    public record GatewayToken(String value, String appKey, Instant createdAt, Instant expiresAt) {
    }

    private final Map<String, GatewayToken> byValue = new ConcurrentHashMap<>();

    public GatewayToken issue(String appKey, Instant now, long ttlSeconds) {
        String value = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        GatewayToken token = new GatewayToken(value, appKey, now, now.plusSeconds(ttlSeconds));
        byValue.put(value, token);
        return token;
    }

    /** The token if it is known and not expired at {@code now}, else null. */
    public GatewayToken valid(String value, Instant now) {
        GatewayToken token = byValue.get(value);
        return token != null && now.isBefore(token.expiresAt()) ? token : null;
    }

    /** Every token issued so far is expired from now on. */
    public void expireAll() {
        byValue.replaceAll((k, t) -> new GatewayToken(t.value(), t.appKey(), t.createdAt(), Instant.MIN));
    }

    public void clear() {
        byValue.clear();
    }
}
