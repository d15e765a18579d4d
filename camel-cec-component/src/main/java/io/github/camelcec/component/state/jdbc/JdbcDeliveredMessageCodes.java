package io.github.camelcec.component.state.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelcec.component.state.DeliveredCodes;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The messageCodes of delivered messages, shared by replicas: after a crash, a message still in the pending table
 * whose exchange had completed is dropped instead of delivered twice. A small twin of camel-sql's
 * {@code JdbcMessageIdRepository} without its spring-jdbc. Codes older than the retention are purged on start and
 * every so many adds (a redelivery after a crash comes within minutes, not days). Batches are one {@code = ANY(?)}
 * query and one batched insert; {@link JdbcPendingMessageStore} writes a batch in its own transaction.
 */
public final class JdbcDeliveredMessageCodes extends ServiceSupport implements IdempotentRepository, DeliveredCodes {

    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
    public static final int DEFAULT_PURGE_EVERY = 1_000;

    private final DataSource dataSource;
    private final StateConnections connections;
    private final String table;
    private final Duration retention;
    private final int purgeEvery;
    private final Clock clock;
    private final AtomicInteger addsSincePurge = new AtomicInteger();
    private final String insert;
    private final String exists;
    private final String existing;
    private final String delete;
    private final String deleteAll;
    private final String deleteOlder;

    public JdbcDeliveredMessageCodes(JdbcStateSchema schema) {
        this(schema, DEFAULT_RETENTION, DEFAULT_PURGE_EVERY, Clock.systemUTC());
    }

    /**
     * @param retention  how long a code is kept, positive
     * @param purgeEvery purge old codes after this many adds, positive
     */
    public JdbcDeliveredMessageCodes(JdbcStateSchema schema, Duration retention, int purgeEvery, Clock clock) {
        if (retention.isZero() || retention.isNegative()) {
            throw new IllegalArgumentException("The delivered-code retention must be positive, was " + retention);
        }
        if (purgeEvery < 1) {
            throw new IllegalArgumentException("The delivered-code purge interval must be at least 1 add, was "
                                               + purgeEvery);
        }
        this.dataSource = schema.dataSource();
        this.connections = new StateConnections(dataSource);
        this.table = schema.deliveredCodeTable();
        this.retention = retention;
        this.purgeEvery = purgeEvery;
        this.clock = clock;
        this.insert = "INSERT INTO " + table + " (message_code, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING";
        this.exists = "SELECT 1 FROM " + table + " WHERE message_code = ?";
        this.existing = "SELECT message_code FROM " + table + " WHERE message_code = ANY(?)";
        this.delete = "DELETE FROM " + table + " WHERE message_code = ?";
        this.deleteAll = "DELETE FROM " + table;
        this.deleteOlder = "DELETE FROM " + table + " WHERE created_at < ?";
    }

    @Override
    protected void doStart() {
        purge();
    }

    @Override
    public boolean add(String key) {
        boolean added = update(insert, "add delivered code " + key, key, clock.millis()) == 1;
        added(1);
        return added;
    }

    @Override
    public void addAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        try {
            connections.inTransaction(c -> insert(c, codes));
        } catch (SQLException e) {
            throw new JdbcStateException("add " + codes.size() + " delivered codes", e);
        }
        added(codes.size());
    }

    @Override
    public Set<String> deliveredAmong(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        try {
            return connections.inAutoCommit(c -> {
                Array array = c.createArrayOf("VARCHAR", codes.toArray());
                try (PreparedStatement ps = c.prepareStatement(existing)) {
                    ps.setArray(1, array);
                    Set<String> delivered = new HashSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            delivered.add(rs.getString(1));
                        }
                    }
                    return delivered;
                } finally {
                    array.free();
                }
            });
        } catch (SQLException e) {
            throw new JdbcStateException("look up " + codes.size() + " delivered codes in " + table, e);
        }
    }

    /** Whether this table is in the database behind {@code other}, so that one transaction can write both. */
    boolean sharesDatabaseWith(DataSource other) {
        return dataSource == other;
    }

    /**
     * Inserts the codes on the caller's connection, inside its transaction; the caller then reports them to
     * {@link #added}. Sorted, so that two batches that share a code lock it in the same order.
     */
    int insert(Connection c, Collection<String> codes) throws SQLException {
        long now = clock.millis();
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (String code : new TreeSet<>(codes)) {
                ps.setString(1, code);
                ps.setLong(2, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return codes.size();
    }

    /** Counts adds towards the next purge of old codes. */
    void added(int count) {
        if (addsSincePurge.addAndGet(count) >= purgeEvery) {
            addsSincePurge.set(0);
            purge();
        }
    }

    @Override
    public boolean contains(String key) {
        try {
            return connections.inAutoCommit(c -> {
                try (PreparedStatement ps = c.prepareStatement(exists)) {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                }
            });
        } catch (SQLException e) {
            throw new JdbcStateException("look up delivered code " + key + " in " + table, e);
        }
    }

    @Override
    public boolean remove(String key) {
        return update(delete, "remove delivered code " + key, key) == 1;
    }

    /** Nothing to do: a code counts as delivered from its add on. */
    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        update(deleteAll, "clear the delivered codes");
    }

    /** Deletes the codes older than the retention; returns how many. */
    public int purge() {
        return update(deleteOlder, "purge delivered codes older than " + retention, clock.millis() - retention.toMillis());
    }

    private int update(String sql, String operation, Object... parameters) {
        try {
            return connections.update(sql, parameters);
        } catch (SQLException e) {
            throw new JdbcStateException(operation + " in " + table, e);
        }
    }
}
