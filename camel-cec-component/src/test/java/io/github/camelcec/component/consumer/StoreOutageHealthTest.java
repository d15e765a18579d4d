package io.github.camelcec.component.consumer;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

import io.github.camelcec.component.state.jdbc.JdbcSessionStore;
import io.github.camelcec.component.state.jdbc.JdbcStateSchema;
import io.github.camelcec.component.support.SwitchableDataSource;
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

    private final SwitchableDataSource database = new SwitchableDataSource(h2());

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

        database.down();
        await().atMost(WAIT).until(() -> consumerCheck().map(r -> r.getState() == HealthCheck.State.DOWN).orElse(false));
        assertThat(consumerCheck().orElseThrow().getError()).get().extracting(Throwable::getMessage).asString()
                .contains("read the sessions from cec_session", "connection refused");

        database.up();
        sim().sendAgentMessage("s1", "back");
        await().atMost(WAIT).until(() -> contents("s1", "AGENT").contains("back"));
        await().atMost(WAIT).until(() -> consumerCheck().map(r -> r.getState() == HealthCheck.State.UP).orElse(false));
    }

    /** An in-memory H2 database, kept open between connections. */
    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:store-outage-" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        return h2;
    }

    private Optional<HealthCheck.Result> consumerCheck() {
        return HealthCheckHelper.invoke(context).stream()
                .filter(r -> r.getCheck().getId().contains("store-outage"))
                .findFirst();
    }
}
