package io.github.camelcec.component.consumer;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

import io.github.camelcec.component.state.jdbc.JdbcSessionStore;
import io.github.camelcec.component.state.jdbc.JdbcStateSchema;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** issue 14: the consumer's health check goes DOWN, with the cause, while the session store cannot be reached. */
class StoreOutageHealthTest extends ConsumerTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final SwitchableDataSource database = new SwitchableDataSource();

    @Test
    void healthCheckIsDownWithTheStoreFailureWhileTheDatabaseIsUnreachable() throws Exception {
        JdbcSessionStore sessions = new JdbcSessionStore(JdbcStateSchema.install(database), Duration.ofMinutes(30),
                Clock.systemUTC());
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").routeId("store-outage").process(e -> record(e));
            }
        }, c -> component.setSessionRegistry(sessions));
        connect("s1");
        await().atMost(WAIT).until(() -> receivedCount() == 1);
        await().atMost(WAIT).until(() -> consumerCheck().map(r -> r.getState() == HealthCheck.State.UP).orElse(false));

        database.reachable = false;
        await().atMost(WAIT).until(() -> consumerCheck().map(r -> r.getState() == HealthCheck.State.DOWN).orElse(false));
        assertThat(consumerCheck().orElseThrow().getError()).get().extracting(Throwable::getMessage).asString()
                .contains("read the sessions from cec_session", "connection refused");

        database.reachable = true;
        sim().sendAgentMessage("s1", "back");
        await().atMost(WAIT).until(() -> contents("s1", "AGENT").contains("back"));
        await().atMost(WAIT).until(() -> consumerCheck().map(r -> r.getState() == HealthCheck.State.UP).orElse(false));
    }

    private Optional<HealthCheck.Result> consumerCheck() {
        return HealthCheckHelper.invoke(context).stream()
                .filter(r -> r.getCheck().getId().contains("store-outage"))
                .findFirst();
    }

    /** An in-memory H2 database whose connections can be refused, as when the database server is down. */
    private static final class SwitchableDataSource implements DataSource {

        private final JdbcDataSource h2 = new JdbcDataSource();
        private volatile boolean reachable = true;

        SwitchableDataSource() {
            h2.setURL("jdbc:h2:mem:store-outage-" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        }

        @Override
        public Connection getConnection() throws SQLException {
            check();
            return h2.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            check();
            return h2.getConnection(username, password);
        }

        private void check() throws SQLException {
            if (!reachable) {
                throw new SQLTransientConnectionException("connection refused");
            }
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
