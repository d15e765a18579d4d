package io.github.camelcec.component.state.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelcec.component.model.DownlinkMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link JdbcStateSchema#install} does on each database; a subclass per database runs it. */
abstract class JdbcStateSchemaContract {

    private StateTestDatabase database;
    private String prefix;

    protected abstract StateTestDatabase openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        prefix = database.prefix();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private boolean tableExists(String table) {
        try {
            execute("SELECT * FROM " + table + " WHERE 1 = 0");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Test
    void createsTheFourTablesWhenMissing() {
        JdbcStateSchema schema = database.install();

        assertThat(List.of(schema.sessionTable(), schema.pendingMessageTable(), schema.deliveredCodeTable(),
                schema.customerTokenTable()))
                .containsExactly(prefix + "session", prefix + "pending_message", prefix + "delivered_code",
                        prefix + "customer_token")
                .allMatch(this::tableExists);
    }

    @Test
    void aSecondStartUsesTheExistingTablesAndTheirRows() {
        JdbcPendingMessageStore first = new JdbcPendingMessageStore(database.install());
        DownlinkMessage m = new DownlinkMessage();
        m.setMessageCode("c1");
        first.append("u1", List.of(m));

        JdbcPendingMessageStore restarted = new JdbcPendingMessageStore(database.install());

        assertThat(restarted.head("u1").key()).isEqualTo("mc:c1");
    }

    @Test
    void replicasStartingTogetherAllGetTheTables() throws Exception {
        int replicas = 4;
        CyclicBarrier start = new CyclicBarrier(replicas);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<JdbcStateSchema>> installs = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                installs.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return database.install();
                }));
            }
            for (Future<JdbcStateSchema> install : installs) {
                assertThat(install.get(60, TimeUnit.SECONDS).sessionTable()).isEqualTo(prefix + "session");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTableWithoutAColumnFailsTheStartNamingTableAndColumn() throws SQLException {
        execute("CREATE TABLE " + prefix + "pending_message (seq BIGINT PRIMARY KEY, user_id VARCHAR(255),"
                + " message VARCHAR(4000), attempts INTEGER)");

        assertThatThrownBy(database::install)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Table " + prefix + "pending_message has no column 'message_key'");
    }

    @Test
    void aColumnOfTheWrongTypeFailsTheStartNamingTableColumnAndType() throws SQLException {
        execute("CREATE TABLE " + prefix + "session (user_id VARCHAR(255) PRIMARY KEY, user_name VARCHAR(255),"
                + " locale VARCHAR(64), last_activity VARCHAR(30), disconnected_at BIGINT, owner VARCHAR(255))");

        assertThatThrownBy(database::install)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Table " + prefix + "session has column 'last_activity' of type ")
                .hasMessageContaining("expected BIGINT");
    }

    @Test
    void aTableWithoutItsUniqueKeyFailsTheStart() throws SQLException {
        execute("CREATE TABLE " + prefix + "pending_message (seq BIGINT PRIMARY KEY, user_id VARCHAR(255),"
                + " message_key VARCHAR(255), message VARCHAR(4000), attempts INTEGER)");

        assertThatThrownBy(database::install)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Table " + prefix + "pending_message has no primary key or unique constraint"
                                        + " on (user_id, message_key)");
    }

    @Test
    void aCustomPrefixNamesEveryTable() {
        String custom = prefix + "acme_";

        JdbcStateSchema schema = JdbcStateSchema.install(database.dataSource(), custom);

        assertThat(schema.prefix()).isEqualTo(custom);
        assertThat(List.of("session", "pending_message", "delivered_code", "customer_token"))
                .allMatch(t -> tableExists(custom + t))
                .noneMatch(t -> tableExists(prefix + t));
    }
}
