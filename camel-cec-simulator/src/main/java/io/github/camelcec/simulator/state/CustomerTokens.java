package io.github.camelcec.simulator.state;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Customer tokens issued by applyToken (ref §3): one live token per userId; issuing a new one retires the old one,
 * and a retired token is unknown from then on.
 */
public final class CustomerTokens {

    /** One issued token; it counts as expired from {@code expiresAt} on, or once {@link #expire} marked it. */
    public static final class CustomerToken {
        private final String value;
        private final String userId;
        private final Instant expiresAt;
        private volatile boolean forcedExpired;

        CustomerToken(String value, String userId, Instant expiresAt) {
            this.value = value;
            this.userId = userId;
            this.expiresAt = expiresAt;
        }

        public String value() {
            return value;
        }

        public String userId() {
            return userId;
        }

        public boolean expiredAt(Instant now) {
            return forcedExpired || !now.isBefore(expiresAt);
        }
    }

    private final Map<String, CustomerToken> byValue = new ConcurrentHashMap<>();
    private final Map<String, CustomerToken> currentByUser = new ConcurrentHashMap<>();

    /** Issues a fresh token for the user and retires the previous one. */
    public CustomerToken issue(String userId, Instant expiresAt) {
        return currentByUser.compute(userId, (id, old) -> {
            if (old != null) {
                byValue.remove(old.value);
            }
            return register(id, expiresAt);
        });
    }

    /**
     * Replaces {@code old} by a fresh token if it is still the user's current one; null if another request already
     * replaced it (the old token is then retired and unknown).
     */
    public CustomerToken rotate(CustomerToken old, Instant expiresAt) {
        CustomerToken[] issued = new CustomerToken[1];
        currentByUser.computeIfPresent(old.userId, (id, current) -> {
            if (current != old) {
                return current;
            }
            byValue.remove(old.value);
            issued[0] = register(id, expiresAt);
            return issued[0];
        });
        return issued[0];
    }

    private CustomerToken register(String userId, Instant expiresAt) {
        CustomerToken token = new CustomerToken(UUID.randomUUID().toString().replace("-", ""), userId, expiresAt);
        byValue.put(token.value, token);
        return token;
    }

    /** The token with this value, expired or not; null if unknown or retired. */
    public CustomerToken find(String value) {
        return byValue.get(value);
    }

    public Optional<String> current(String userId) {
        return Optional.ofNullable(currentByUser.get(userId)).map(CustomerToken::value);
    }

    /** The user's current token counts as expired from now on. */
    public void expire(String userId) {
        CustomerToken token = currentByUser.get(userId);
        if (token != null) {
            token.forcedExpired = true;
        }
    }

    /** The user's current token becomes unknown. */
    public void revoke(String userId) {
        CustomerToken token = currentByUser.remove(userId);
        if (token != null) {
            byValue.remove(token.value);
        }
    }

    public void clear() {
        currentByUser.clear();
        byValue.clear();
    }
}
