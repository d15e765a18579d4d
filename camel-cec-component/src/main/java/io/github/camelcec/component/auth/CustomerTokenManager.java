package io.github.camelcec.component.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;

import io.github.camelcec.component.state.CustomerToken;
import io.github.camelcec.component.state.CustomerTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer tokens (cec-api §2): applied once per customer and lifetime, replaced at once when a response rotates
 * them, applied again when the server refused one. Applies are single-flight per customer.
 */
public final class CustomerTokenManager {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerTokenManager.class);

    private final BiFunction<String, String, CompletableFuture<String>> applier;
    private final CustomerTokenStore store;
    private final Duration lifetime;
    private final Clock clock;
    private final ConcurrentMap<String, CompletableFuture<CustomerToken>> inflight = new ConcurrentHashMap<>();

    /**
     * @param applier  calls applyToken for (userId, userName) and yields the token value
     * @param lifetime how long the server keeps a token valid (ref §3.1.2: one hour)
     */
    public CustomerTokenManager(BiFunction<String, String, CompletableFuture<String>> applier, CustomerTokenStore store,
                                Duration lifetime, Clock clock) {
        this.applier = applier;
        this.store = store;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The customer's token: the stored one while its lifetime lasts, else a (shared) fresh apply. */
    public CompletableFuture<CustomerToken> token(String userId, String userName) {
        return token(userId, userName, applier);
    }

    /** {@link #token(String, String)}, applying with {@code apply} (the calling connection's locale and transport). */
    public CompletableFuture<CustomerToken> token(String userId, String userName,
                                                  BiFunction<String, String, CompletableFuture<String>> apply) {
        CustomerToken token = store.get(userId);
        if (token != null && !token.isExpired(clock.instant())) {
            return CompletableFuture.completedFuture(token);
        }
        return apply(userId, userName, token, apply);
    }

    /** The server refused {@code rejected} (HTTP 401): apply again unless another caller already did. */
    public CompletableFuture<CustomerToken> invalidate(String userId, String userName, CustomerToken rejected) {
        return invalidate(userId, userName, rejected, applier);
    }

    /** {@link #invalidate(String, String, CustomerToken)}, applying with {@code apply}. */
    public CompletableFuture<CustomerToken> invalidate(String userId, String userName, CustomerToken rejected,
                                                       BiFunction<String, String, CompletableFuture<String>> apply) {
        store.remove(userId, rejected);
        return apply(userId, userName, rejected, apply);
    }

    /** ref §3.1.2: a response carried a new {@code ccmessaging-token}; it replaces the old one from now on. */
    public void adoptRotated(String userId, CustomerToken used, String rotatedValue) {
        if (rotatedValue == null || rotatedValue.isBlank() || (used != null && rotatedValue.equals(used.value()))) {
            return;
        }
        LOG.debug("Adopting a rotated customer token for {}", userId);
        store.put(userId, fresh(rotatedValue));
    }

    /** Stores a token obtained outside this manager (an explicit applyToken). */
    public CustomerToken adoptApplied(String userId, String value) {
        CustomerToken token = fresh(value);
        store.put(userId, token);
        return token;
    }

    public void forget(String userId) {
        store.remove(userId);
    }

    public CustomerTokenStore store() {
        return store;
    }

    private CustomerToken fresh(String value) {
        return new CustomerToken(value, clock.instant().plus(lifetime));
    }

    private CompletableFuture<CustomerToken> apply(String userId, String userName, CustomerToken seen,
                                                   BiFunction<String, String, CompletableFuture<String>> apply) {
        CompletableFuture<CustomerToken> mine = new CompletableFuture<>();
        CompletableFuture<CustomerToken> running = inflight.putIfAbsent(userId, mine);
        if (running != null) {
            return running;
        }
        CustomerToken latest = store.get(userId);
        if (latest != null && !latest.equals(seen) && !latest.isExpired(clock.instant())) {
            // another flight (or a rotation) replaced the token between our read and our claim
            inflight.remove(userId, mine);
            mine.complete(latest);
            return mine;
        }
        LOG.debug("Applying for a customer token for {}", userId);
        CompletableFuture<String> applied;
        try {
            applied = apply.apply(userId, userName);
        } catch (RuntimeException e) {
            applied = CompletableFuture.failedFuture(e);
        }
        applied.whenComplete((value, error) -> {
            CustomerToken token = error == null ? fresh(value) : null;
            if (token != null) {
                store.put(userId, token);
            }
            inflight.remove(userId, mine);
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                mine.complete(token);
            }
        });
        return mine;
    }
}
