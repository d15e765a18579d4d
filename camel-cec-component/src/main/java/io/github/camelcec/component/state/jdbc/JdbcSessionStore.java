package io.github.camelcec.component.state.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelcec.component.state.Session;
import io.github.camelcec.component.state.SessionExpiry;
import io.github.camelcec.component.state.SessionStore;

/**
 * Sessions in a table shared by replicas and restarts: one row per customer. Every change is one conditional
 * statement, so two JVMs registering the same customer at once cannot both add it. Expiry follows
 * {@link SessionExpiry}: expired rows are never returned, and are deleted when read and by a sweep every so many
 * registrations. {@link #touch} keeps the activity to the second.
 */
public final class JdbcSessionStore implements SessionStore {

    private static final int SWEEP_EVERY = 1_000;
    /**
     * touch rewrites a row only when its activity is older than this: a busy customer costs one row version a second,
     * not one a message, and idle timeouts are minutes.
     */
    static final long TOUCH_RESOLUTION_MILLIS = 1_000;
    /** register's three statements race only with a concurrent remove; a few rounds always settle it. */
    private static final int REGISTER_ROUNDS = 5;
    private static final String COLUMNS = "user_id, user_name, locale, last_activity, disconnected_at, owner";

    private final StateConnections connections;
    private final SessionExpiry expiry;
    private final Clock clock;
    private final String table;
    private final AtomicInteger registrationsSinceSweep = new AtomicInteger();

    private final String insertIfAbsent;
    private final String replaceEnded;
    private final String touchConnected;
    private final String select;
    private final String selectAll;
    private final String deleteExpired;
    private final String deleteExpiredOne;
    private final String touch;
    private final String touchAll;
    private final String markDisconnected;
    private final String delete;
    private final String count;

    public JdbcSessionStore(JdbcStateSchema schema, Duration idleTimeout, Clock clock) {
        this.connections = new StateConnections(schema.dataSource());
        this.expiry = new SessionExpiry(idleTimeout);
        this.clock = clock;
        this.table = schema.sessionTable();
        boolean idles = expiry.idleTimeoutMillis() > 0;
        // parameters: the disconnect cutoff, then (when sessions idle out) the activity cutoff
        String expired = "(disconnected_at <> 0 AND disconnected_at < ?" + (idles ? " OR last_activity < ?)" : ")");
        this.insertIfAbsent = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"
                              + " ON CONFLICT DO NOTHING";
        this.replaceEnded = "UPDATE " + table + " SET user_name = ?, locale = ?, last_activity = ?,"
                            + " disconnected_at = ?, owner = ? WHERE user_id = ? AND (disconnected_at <> 0"
                            + (idles ? " OR last_activity < ?)" : ")");
        this.touchConnected = "UPDATE " + table + " SET last_activity = ? WHERE user_id = ? AND disconnected_at = 0"
                              + (idles ? " AND last_activity >= ?" : "");
        this.select = "SELECT " + COLUMNS + " FROM " + table + " WHERE user_id = ?";
        this.selectAll = "SELECT " + COLUMNS + " FROM " + table;
        this.deleteExpired = "DELETE FROM " + table + " WHERE " + expired;
        this.deleteExpiredOne = "DELETE FROM " + table + " WHERE user_id = ? AND " + expired;
        this.touch = "UPDATE " + table + " SET last_activity = ? WHERE user_id = ? AND last_activity < ?";
        this.touchAll = "UPDATE " + table + " SET last_activity = ? WHERE user_id = ANY(?) AND last_activity < ?";
        this.markDisconnected = "UPDATE " + table + " SET last_activity = ?, disconnected_at = ? WHERE user_id = ?";
        this.delete = "DELETE FROM " + table + " WHERE user_id = ?";
        this.count = "SELECT COUNT(*) FROM " + table;
    }

    /**
     * Inserts the session if the customer has none; else replaces a disconnected or idle one; else touches the
     * connected one. Each step is one statement whose condition the database checks under the row's lock.
     */
    @Override
    public boolean register(Session session) {
        if (registrationsSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            registrationsSinceSweep.set(0);
            sweep();
        }
        try {
            return connections.inAutoCommit(c -> {
                for (int round = 0; round < REGISTER_ROUNDS; round++) {
                    long now = clock.millis();
                    if (insertIfAbsent(c, session) || replaceEnded(c, session, now)) {
                        return true;
                    }
                    if (touchConnected(c, session.userId(), now)) {
                        return false;
                    }
                }
                throw new SQLException("the row of customer " + session.userId() + " changed " + REGISTER_ROUNDS
                                       + " times while registering");
            });
        } catch (SQLException e) {
            throw new JdbcStateException("register the session of customer " + session.userId() + " in " + table, e);
        }
    }

    @Override
    public Session get(String userId) {
        try {
            return connections.inAutoCommit(c -> {
                Session s;
                try (PreparedStatement ps = c.prepareStatement(select)) {
                    ps.setString(1, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        s = rs.next() ? read(rs) : null;
                    }
                }
                long now = clock.millis();
                if (s != null && expiry.isExpired(s, now)) {
                    try (PreparedStatement ps = c.prepareStatement(deleteExpiredOne)) {
                        ps.setString(1, userId);
                        setCutoffs(ps, 2, now);
                        ps.executeUpdate();
                    }
                    return null;
                }
                return s;
            });
        } catch (SQLException e) {
            throw new JdbcStateException("read the session of customer " + userId + " from " + table, e);
        }
    }

    @Override
    public Collection<Session> sessions() {
        try {
            return connections.inAutoCommit(c -> {
                long now = clock.millis();
                List<Session> live = new ArrayList<>();
                boolean anyExpired = false;
                try (PreparedStatement ps = c.prepareStatement(selectAll);
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Session s = read(rs);
                        if (expiry.isExpired(s, now)) {
                            anyExpired = true;
                        } else {
                            live.add(s);
                        }
                    }
                }
                if (anyExpired) {
                    deleteExpired(c, now);
                }
                return live;
            });
        } catch (SQLException e) {
            throw new JdbcStateException("read the sessions from " + table, e);
        }
    }

    @Override
    public void touch(String userId) {
        long now = clock.millis();
        update(touch, "touch the session of customer " + userId, now, userId, now - TOUCH_RESOLUTION_MILLIS);
    }

    @Override
    public void touchAll(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        long now = clock.millis();
        try {
            connections.inAutoCommit(c -> {
                Array ids = c.createArrayOf("VARCHAR", userIds.toArray());
                try (PreparedStatement ps = c.prepareStatement(touchAll)) {
                    ps.setLong(1, now);
                    ps.setArray(2, ids);
                    ps.setLong(3, now - TOUCH_RESOLUTION_MILLIS);
                    return ps.executeUpdate();
                } finally {
                    ids.free();
                }
            });
        } catch (SQLException e) {
            throw new JdbcStateException("touch the sessions of " + userIds.size() + " customers in " + table, e);
        }
    }

    @Override
    public void markDisconnected(String userId) {
        long now = clock.millis();
        update(markDisconnected, "mark the session of customer " + userId + " disconnected", now, now, userId);
    }

    @Override
    public void remove(String userId) {
        update(delete, "remove the session of customer " + userId, userId);
    }

    @Override
    public int size() {
        try {
            return connections.count(count);
        } catch (SQLException e) {
            throw new JdbcStateException("count the sessions in " + table, e);
        }
    }

    private boolean insertIfAbsent(Connection c, Session s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertIfAbsent)) {
            ps.setString(1, s.userId());
            ps.setString(2, s.userName());
            ps.setString(3, s.locale());
            ps.setLong(4, s.lastActivity());
            ps.setLong(5, s.disconnectedAt());
            ps.setString(6, s.owner());
            return ps.executeUpdate() == 1;
        }
    }

    private boolean replaceEnded(Connection c, Session s, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(replaceEnded)) {
            ps.setString(1, s.userName());
            ps.setString(2, s.locale());
            ps.setLong(3, s.lastActivity());
            ps.setLong(4, s.disconnectedAt());
            ps.setString(5, s.owner());
            ps.setString(6, s.userId());
            if (expiry.idleTimeoutMillis() > 0) {
                ps.setLong(7, now - expiry.idleTimeoutMillis());
            }
            return ps.executeUpdate() == 1;
        }
    }

    private boolean touchConnected(Connection c, String userId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(touchConnected)) {
            ps.setLong(1, now);
            ps.setString(2, userId);
            if (expiry.idleTimeoutMillis() > 0) {
                ps.setLong(3, now - expiry.idleTimeoutMillis());
            }
            return ps.executeUpdate() == 1;
        }
    }

    private void sweep() {
        try {
            connections.inAutoCommit(c -> deleteExpired(c, clock.millis()));
        } catch (SQLException e) {
            throw new JdbcStateException("delete the expired sessions from " + table, e);
        }
    }

    private int deleteExpired(Connection c, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(deleteExpired)) {
            setCutoffs(ps, 1, now);
            return ps.executeUpdate();
        }
    }

    private void setCutoffs(PreparedStatement ps, int first, long now) throws SQLException {
        ps.setLong(first, now - SessionExpiry.CLOSING_GRACE.toMillis());
        if (expiry.idleTimeoutMillis() > 0) {
            ps.setLong(first + 1, now - expiry.idleTimeoutMillis());
        }
    }

    private void update(String sql, String operation, Object... parameters) {
        try {
            connections.update(sql, parameters);
        } catch (SQLException e) {
            throw new JdbcStateException(operation + " in " + table, e);
        }
    }

    private static Session read(ResultSet rs) throws SQLException {
        return new Session(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6));
    }
}
