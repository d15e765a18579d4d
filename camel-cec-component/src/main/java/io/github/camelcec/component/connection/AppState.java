package io.github.camelcec.component.connection;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.camelcec.component.auth.AppTokens;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.state.InMemoryCustomerTokenStore;
import io.github.camelcec.component.state.InMemorySessionStore;
import io.github.camelcec.component.state.SessionStore;

/**
 * What every connection of one app and channel shares, whatever its transport settings or locale: the tokens, the
 * live sessions (so one {@code cec:poll} serves the customers every producer connected), the CONNECTs under way and
 * the claim to poll the sessions.
 */
final class AppState {

    final AppTokens tokens;
    final SessionStore sessions;
    final PollingClaim pollingClaim = new PollingClaim();
    /** CONNECTs under way per customer: concurrent first messages share one (product.md §2). */
    final ConcurrentMap<String, CompletableFuture<CecResult>> connecting = new ConcurrentHashMap<>();
    /** When a customer's session was last opened again after CEC had released it (ref §7.2 session-gone answers). */
    final ConcurrentMap<String, Long> reconnectedAt = new ConcurrentHashMap<>();

    AppState(ConnectionSettings settings) {
        var wire = settings.wire();
        this.tokens = new AppTokens(settings.customerTokenStore() != null
                ? settings.customerTokenStore() : new InMemoryCustomerTokenStore(wire.clock(), 10_000),
                wire.customerTokenTtl(), wire.clock());
        this.sessions = settings.sessionStore() != null
                ? settings.sessionStore() : new InMemorySessionStore(settings.sessionIdleTimeout(), wire.clock());
    }

    /** Which connections share one state: same CEC, same app, same channel, same stores. */
    record Key(String baseUrl, String appKey, String appSecret, String channelConfigId, String channel,
            Object customerTokenStore, Object sessionStore) {

        static Key of(ConnectionSettings s) {
            var w = s.wire();
            return new Key(w.baseUrl().toString(), w.appKey(), w.appSecret(), w.channelConfigId(), w.channel(),
                    s.customerTokenStore(), s.sessionStore());
        }

        @Override
        public String toString() {
            return "AppState.Key[" + baseUrl + ", " + channelConfigId + "]";
        }
    }
}
