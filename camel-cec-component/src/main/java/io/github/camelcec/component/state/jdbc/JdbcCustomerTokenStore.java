package io.github.camelcec.component.state.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelcec.component.state.CustomerToken;
import io.github.camelcec.component.state.CustomerTokenStore;

/**
 * Customer tokens (cec-api §2) in a table, so replicas and a restarted JVM use one token per customer. The table
 * holds secrets: no message of this class shows a token, and driver messages, which may echo one, are withheld.
 * Expired tokens are deleted every so many puts, so customers who come and go never make the table grow without
 * bound. Expiry instants are kept to the millisecond.
 */
public final class JdbcCustomerTokenStore implements CustomerTokenStore {

    private static final int SWEEP_EVERY = 1_000;

    private final StateConnections connections;
    private final Clock clock;
    private final String table;
    private final AtomicInteger putsSinceSweep = new AtomicInteger();
    private final String select;
    private final String upsert;
    private final String deleteIfSame;
    private final String delete;
    private final String deleteExpired;
    private final String count;

    public JdbcCustomerTokenStore(JdbcStateSchema schema, Clock clock) {
        this.connections = new StateConnections(schema.dataSource());
        this.clock = clock;
        this.table = schema.customerTokenTable();
        this.select = "SELECT token_value, expires_at FROM " + table + " WHERE user_id = ?";
        this.upsert = schema.dialect().upsert(table, "user_id", "token_value", "expires_at");
        this.deleteIfSame = "DELETE FROM " + table + " WHERE user_id = ? AND token_value = ? AND expires_at = ?";
        this.delete = "DELETE FROM " + table + " WHERE user_id = ?";
        this.deleteExpired = "DELETE FROM " + table + " WHERE expires_at <= ?";
        this.count = "SELECT COUNT(*) FROM " + table;
    }

    @Override
    public CustomerToken get(String userId) {
        try {
            return connections.inAutoCommit(c -> {
                try (PreparedStatement ps = c.prepareStatement(select)) {
                    ps.setString(1, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? new CustomerToken(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))) : null;
                    }
                }
            });
        } catch (SQLException e) {
            throw JdbcStateException.withoutValues("read the token of customer " + userId + " from " + table, e);
        }
    }

    @Override
    public void put(String userId, CustomerToken token) {
        if (putsSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            putsSinceSweep.set(0);
            execute(deleteExpired, "delete the expired tokens", clock.millis());
        }
        execute(upsert, "store the token of customer " + userId, userId, token.value(),
                token.expiresAt().toEpochMilli());
    }

    @Override
    public void remove(String userId, CustomerToken expected) {
        execute(deleteIfSame, "remove the token of customer " + userId, userId, expected.value(),
                expected.expiresAt().toEpochMilli());
    }

    @Override
    public void remove(String userId) {
        execute(delete, "remove the token of customer " + userId, userId);
    }

    @Override
    public int size() {
        try {
            return connections.count(count);
        } catch (SQLException e) {
            throw JdbcStateException.withoutValues("count the tokens in " + table, e);
        }
    }

    private void execute(String sql, String operation, Object... parameters) {
        try {
            connections.update(sql, parameters);
        } catch (SQLException e) {
            throw JdbcStateException.withoutValues(operation + " in " + table, e);
        }
    }
}
