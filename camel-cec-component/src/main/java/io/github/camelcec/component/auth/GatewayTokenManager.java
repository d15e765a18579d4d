package io.github.camelcec.component.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the app's gateway token: fetched on first use, refreshed in the background once it is due, fetched anew when
 * the server rejected it. All refreshes are single-flight: any number of concurrent callers cause one request.
 */
public final class GatewayTokenManager {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayTokenManager.class);

    private final Supplier<CompletableFuture<GatewayToken>> fetcher;
    private final Clock clock;
    private final AtomicReference<GatewayToken> current = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<GatewayToken>> inflight = new AtomicReference<>();

    /**
     * @param fetcher fetches a token when a caller does not bring its own way to (connections sharing one app's
     *                token each fetch over their own transport)
     */
    public GatewayTokenManager(Supplier<CompletableFuture<GatewayToken>> fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** A usable token: the cached one, or the result of the (shared) fetch when there is none or it expired. */
    public CompletableFuture<GatewayToken> token() {
        return token(fetcher);
    }

    /** {@link #token()}, fetching with {@code fetch} if a fetch is needed. */
    public CompletableFuture<GatewayToken> token(Supplier<CompletableFuture<GatewayToken>> fetch) {
        GatewayToken token = current.get();
        Instant now = clock.instant();
        if (token == null || token.isExpired(now)) {
            return refresh(token, fetch);
        }
        if (token.isDueForRefresh(now)) {
            // refresh ahead of expiry without making this caller wait; failures surface on a later call
            refresh(token, fetch);
        }
        return CompletableFuture.completedFuture(token);
    }

    /**
     * The server rejected {@code rejected}: fetch a new token unless another caller already replaced it
     * (camel-salesforce's rule, so N callers with the same stale token cause one fetch).
     */
    public CompletableFuture<GatewayToken> invalidate(GatewayToken rejected) {
        return invalidate(rejected, fetcher);
    }

    /** {@link #invalidate(GatewayToken)}, fetching with {@code fetch}. */
    public CompletableFuture<GatewayToken> invalidate(GatewayToken rejected,
                                                      Supplier<CompletableFuture<GatewayToken>> fetch) {
        GatewayToken token = current.get();
        if (token != null && !token.equals(rejected) && !token.isExpired(clock.instant())) {
            return CompletableFuture.completedFuture(token);
        }
        return refresh(token, fetch);
    }

    private CompletableFuture<GatewayToken> refresh(GatewayToken seen, Supplier<CompletableFuture<GatewayToken>> fetch) {
        CompletableFuture<GatewayToken> mine = new CompletableFuture<>();
        while (true) {
            CompletableFuture<GatewayToken> running = inflight.get();
            if (running != null) {
                return running;
            }
            if (inflight.compareAndSet(null, mine)) {
                break;
            }
        }
        GatewayToken latest = current.get();
        if (latest != null && !latest.equals(seen) && !latest.isDueForRefresh(clock.instant())) {
            // a flight finished between our read and our claim
            inflight.set(null);
            mine.complete(latest);
            return mine;
        }
        LOG.debug("Fetching a gateway token");
        CompletableFuture<GatewayToken> fetched;
        try {
            fetched = fetch.get();
        } catch (RuntimeException e) {
            fetched = CompletableFuture.failedFuture(e);
        }
        fetched.whenComplete((token, error) -> {
            if (token != null) {
                current.set(token);
            }
            inflight.set(null);
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                LOG.debug("Gateway token fetched, expires at {}", token.expiresAt());
                mine.complete(token);
            }
        });
        return mine;
    }
}
