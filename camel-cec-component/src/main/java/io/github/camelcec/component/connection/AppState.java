package io.github.camelcec.component.connection;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.camelcec.component.auth.AppTokens;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.state.CustomerTokenStore;
import io.github.camelcec.component.state.InMemoryCustomerTokenStore;
import io.github.camelcec.component.state.InMemoryPendingMessageStore;
import io.github.camelcec.component.state.InMemorySessionStore;
import io.github.camelcec.component.state.PendingMessageStore;
import io.github.camelcec.component.state.SessionStore;
import io.github.camelcec.component.state.jdbc.JdbcCustomerTokenStore;
import io.github.camelcec.component.state.jdbc.JdbcDeliveredMessageCodes;
import io.github.camelcec.component.state.jdbc.JdbcPendingMessageStore;
import io.github.camelcec.component.state.jdbc.JdbcSessionStore;
import io.github.camelcec.component.state.jdbc.JdbcStateSchema;
import org.apache.camel.spi.IdempotentRepository;

/**
 * What every connection of one app and channel shares, whatever its transport settings or locale: the tokens, the
 * live sessions (so one {@code cec:poll} serves the customers every producer connected), the CONNECTs under way and
 * the claim to poll the sessions, and where fetched messages are held: all in the state database when one is
 * configured (product.md §4), else in memory.
 */
final class AppState {

    final AppTokens tokens;
    final SessionStore sessions;
    final PendingMessageStore pendingMessages;
    /** The delivered message codes when they are kept in a database; null: each consumer keeps its own in memory. */
    final IdempotentRepository deliveredCodes;
    final PollingClaim pollingClaim = new PollingClaim();
    /** CONNECTs under way per customer: concurrent first messages share one (product.md §2). */
    final ConcurrentMap<String, CompletableFuture<CecResult>> connecting = new ConcurrentHashMap<>();
    /** When a customer's session was last opened again after CEC had released it (ref §7.2 session-gone answers). */
    final ConcurrentMap<String, Long> reconnectedAt = new ConcurrentHashMap<>();

    AppState(ConnectionSettings settings) {
        var wire = settings.wire();
        JdbcStateSchema schema = settings.stateSchema();
        CustomerTokenStore tokenStore = settings.customerTokenStore();
        if (tokenStore == null) {
            tokenStore = schema != null
                    ? new JdbcCustomerTokenStore(schema, wire.clock()) : new InMemoryCustomerTokenStore(wire.clock(), 10_000);
        }
        this.tokens = new AppTokens(tokenStore, wire.customerTokenTtl(), wire.clock());
        SessionStore sessionStore = settings.sessionStore();
        if (sessionStore == null) {
            sessionStore = schema != null
                    ? new JdbcSessionStore(schema, settings.sessionIdleTimeout(), wire.clock())
                    : new InMemorySessionStore(settings.sessionIdleTimeout(), wire.clock());
        }
        this.sessions = sessionStore;
        this.pendingMessages = schema != null ? new JdbcPendingMessageStore(schema) : new InMemoryPendingMessageStore();
        this.deliveredCodes = schema != null
                ? new JdbcDeliveredMessageCodes(schema, settings.deliveredCodeRetention(),
                        JdbcDeliveredMessageCodes.DEFAULT_PURGE_EVERY, wire.clock())
                : null;
    }

    /** Which connections share one state: same CEC, same app, same channel, same stores. */
    record Key(String baseUrl, String appKey, String appSecret, String channelConfigId, String channel,
            Object customerTokenStore, Object sessionStore, Object stateSchema) {

        static Key of(ConnectionSettings s) {
            var w = s.wire();
            return new Key(w.baseUrl().toString(), w.appKey(), w.appSecret(), w.channelConfigId(), w.channel(),
                    s.customerTokenStore(), s.sessionStore(), s.stateSchema());
        }

        @Override
        public String toString() {
            return "AppState.Key[" + baseUrl + ", " + channelConfigId + "]";
        }
    }
}
