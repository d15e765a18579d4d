package io.github.camelcec.component.connection;

import java.time.Duration;
import java.util.Objects;

import io.github.camelcec.component.client.CecSettings;
import io.github.camelcec.component.state.CustomerTokenStore;
import io.github.camelcec.component.state.SessionStore;
import io.github.camelcec.component.state.jdbc.JdbcStateSchema;

/**
 * Everything one {@link CecConnection} depends on, and so the key under which endpoints share it: the wire settings
 * (address, credentials, channel, locale, token lifetimes, TLS, timeouts) and where its state lives.
 *
 * @param wire               how to reach CEC and as which app
 * @param customerTokenStore where customer tokens are kept; null for an in-memory store of the connection's own
 * @param sessionStore       where live sessions are kept; null for an in-memory store of the connection's own
 * @param sessionIdleTimeout a session without a message either way for this long ends (zero: never)
 * @param stateSchema        the state tables when state is kept in a database (product.md §4), else null for memory
 * @param deliveredCodeRetention how long delivered message codes are remembered in the database
 */
public record ConnectionSettings(CecSettings wire, CustomerTokenStore customerTokenStore, SessionStore sessionStore,
        Duration sessionIdleTimeout, JdbcStateSchema stateSchema, Duration deliveredCodeRetention) {

    public ConnectionSettings {
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    }

    /** In-memory state and the default idle timeout of 30 minutes. */
    public static ConnectionSettings of(CecSettings wire) {
        return new ConnectionSettings(wire, null, null, Duration.ofMinutes(30), null, Duration.ofHours(24));
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + wire + "]";
    }
}
