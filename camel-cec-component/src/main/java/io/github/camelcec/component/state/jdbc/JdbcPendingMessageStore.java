package io.github.camelcec.component.state.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.camelcec.component.client.CecJson;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.state.DeliveredCodes;
import io.github.camelcec.component.state.PendingMessage;
import io.github.camelcec.component.state.PendingMessageStore;

/**
 * The write-ahead table of fetched, undelivered messages (ref §5: CEC's poll hands a message out once, so this row is
 * its only copy until the exchange completed). A poll answer is one batched insert in one transaction; a key the
 * customer already holds is skipped by the database ({@code ON CONFLICT DO NOTHING} on the unique (user_id,
 * message_key)); the identity column {@code seq} gives the order. Messages are stored as their CEC JSON.
 */
public final class JdbcPendingMessageStore implements PendingMessageStore {

    private static final ObjectWriter WRITER = CecJson.mapper().writerFor(DownlinkMessage.class);
    private static final ObjectReader READER = CecJson.mapper().readerFor(DownlinkMessage.class);

    private final DataSource dataSource;
    private final StateConnections connections;
    private final String table;
    private final String insert;
    private final String head;
    private final String delete;
    private final String incrementAttempts;
    private final String exists;
    private final String customers;
    private final String count;

    public JdbcPendingMessageStore(JdbcStateSchema schema) {
        this.dataSource = schema.dataSource();
        this.connections = new StateConnections(dataSource);
        this.table = schema.pendingMessageTable();
        this.insert = "INSERT INTO " + table + " (user_id, message_key, message) VALUES (?, ?, ?)"
                      + " ON CONFLICT DO NOTHING";
        this.head = "SELECT seq, message_key, message, attempts FROM " + table
                    + " WHERE user_id = ? ORDER BY seq LIMIT 1";
        this.delete = "DELETE FROM " + table + " WHERE user_id = ? AND message_key = ?";
        this.incrementAttempts = schema.dialect().updateReturning("UPDATE " + table
                                                                  + " SET attempts = attempts + 1"
                                                                  + " WHERE user_id = ? AND message_key = ?",
                "attempts");
        this.exists = "SELECT 1 FROM " + table + " WHERE user_id = ? LIMIT 1";
        this.customers = "SELECT DISTINCT user_id FROM " + table;
        this.count = "SELECT COUNT(*) FROM " + table;
    }

    @Override
    public List<PendingMessage> append(String userId, List<DownlinkMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        // a key twice in one answer: the first is held, like a key held from an earlier answer
        Map<String, DownlinkMessage> byKey = new LinkedHashMap<>();
        for (DownlinkMessage m : messages) {
            byKey.putIfAbsent(PendingMessage.keyOf(m), m);
        }
        try {
            Map<String, Long> inserted = connections.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(insert, new String[] { "seq", "message_key" })) {
                    for (Map.Entry<String, DownlinkMessage> e : byKey.entrySet()) {
                        ps.setString(1, userId);
                        ps.setString(2, e.getKey());
                        ps.setString(3, json(e.getValue()));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    // only inserted rows have generated keys; their key column says which message each is
                    Map<String, Long> sequences = new HashMap<>();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        while (keys.next()) {
                            sequences.put(keys.getString("message_key"), keys.getLong("seq"));
                        }
                    }
                    return sequences;
                }
            });
            List<PendingMessage> added = new ArrayList<>(inserted.size());
            for (Map.Entry<String, DownlinkMessage> e : byKey.entrySet()) {
                Long seq = inserted.get(e.getKey());
                if (seq != null) {
                    added.add(new PendingMessage(userId, seq, e.getKey(), e.getValue(), 0));
                }
            }
            added.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
            return added;
        } catch (SQLException e) {
            throw new JdbcStateException("append " + messages.size() + " messages of customer " + userId + " to "
                                         + table, e);
        }
    }

    @Override
    public PendingMessage head(String userId) {
        try {
            return connections.inAutoCommit(c -> {
                try (PreparedStatement ps = c.prepareStatement(head)) {
                    ps.setString(1, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return null;
                        }
                        String key = rs.getString(2);
                        return new PendingMessage(userId, rs.getLong(1), key, message(rs.getString(3), userId, key),
                                rs.getInt(4));
                    }
                }
            });
        } catch (SQLException e) {
            throw new JdbcStateException("read the oldest message of customer " + userId + " from " + table, e);
        }
    }

    @Override
    public void remove(String userId, String key) {
        try {
            connections.inAutoCommit(c -> {
                try (PreparedStatement ps = c.prepareStatement(delete)) {
                    ps.setString(1, userId);
                    ps.setString(2, key);
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new JdbcStateException("remove message " + key + " of customer " + userId + " from " + table, e);
        }
    }

    /** One transaction for the codes and the rows when the codes' table is in this database: one commit a batch. */
    @Override
    public void removeDelivered(List<PendingMessage> messages, DeliveredCodes delivered) {
        if (messages.isEmpty()) {
            return;
        }
        List<String> codes = PendingMessage.codesOf(messages);
        JdbcDeliveredMessageCodes together = delivered instanceof JdbcDeliveredMessageCodes jdbc
                                             && jdbc.sharesDatabaseWith(dataSource) ? jdbc : null;
        if (together == null) {
            delivered.addAll(codes);
        }
        try {
            connections.inTransaction(c -> {
                if (together != null) {
                    together.insert(c, codes);
                }
                try (PreparedStatement ps = c.prepareStatement(delete)) {
                    for (PendingMessage p : messages) {
                        ps.setString(1, p.userId());
                        ps.setString(2, p.key());
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                }
            });
        } catch (SQLException e) {
            throw new JdbcStateException("remove " + messages.size() + " delivered messages from " + table, e);
        }
        if (together != null) {
            together.added(codes.size());
        }
    }

    @Override
    public int recordFailure(String userId, String key) {
        try {
            return connections.inAutoCommit(c -> {
                try (PreparedStatement ps = c.prepareStatement(incrementAttempts)) {
                    ps.setString(1, userId);
                    ps.setString(2, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getInt(1) : 0;
                    }
                }
            });
        } catch (SQLException e) {
            throw new JdbcStateException("count a failed delivery of message " + key + " of customer " + userId
                                         + " in " + table, e);
        }
    }

    @Override
    public boolean hasPending(String userId) {
        try {
            return connections.inAutoCommit(c -> {
                try (PreparedStatement ps = c.prepareStatement(exists)) {
                    ps.setString(1, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                }
            });
        } catch (SQLException e) {
            throw new JdbcStateException("look for messages of customer " + userId + " in " + table, e);
        }
    }

    @Override
    public Set<String> customers() {
        try {
            return connections.inAutoCommit(c -> {
                Set<String> users = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement(customers);
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        users.add(rs.getString(1));
                    }
                }
                return Set.copyOf(users);
            });
        } catch (SQLException e) {
            throw new JdbcStateException("list the customers with messages in " + table, e);
        }
    }

    @Override
    public int size() {
        try {
            return connections.count(count);
        } catch (SQLException e) {
            throw new JdbcStateException("count the messages in " + table, e);
        }
    }

    private static String json(DownlinkMessage m) {
        try {
            return WRITER.writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write message " + m.getMessageCode() + " as JSON", e);
        }
    }

    private DownlinkMessage message(String json, String userId, String key) {
        try {
            return READER.readValue(json);
        } catch (IOException e) {
            throw new IllegalStateException("Message " + key + " of customer " + userId + " in " + table
                                            + " is not a readable downlink message: " + e.getMessage(), e);
        }
    }
}
