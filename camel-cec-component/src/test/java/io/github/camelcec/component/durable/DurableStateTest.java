package io.github.camelcec.component.durable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConstants;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.support.SimulatorComponents;
import io.github.camelcec.component.support.SwitchableDataSource;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * product.md §4 with the state in a database (H2 file, PostgreSQL mode): what a restart of the application carries
 * over, and what happens while the database is away.
 */
class DurableStateTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    @TempDir
    Path dir;

    private SwitchableDataSource database;
    private final List<CamelContext> contexts = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        // kept open between connections, as a pool would keep it
        h2.setURL("jdbc:h2:file:" + dir.resolve("state") + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        database = new SwitchableDataSource(h2);
    }

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
    }

    @Test
    void sessionsAndHeldMessagesOutliveARestartOfTheApplication() throws Exception {
        CamelContext first = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").process(e -> {
                    if ("held".equals(e.getMessage().getHeader(CecConstants.USER_ID))) {
                        throw new IllegalStateException("the downstream system is down");
                    }
                    record(e);
                });
            }
        });
        connect(first, "alive");
        connect(first, "held");
        sim().sendAgentMessage("held", "kept across the restart");
        await().atMost(WAIT).until(() -> sim().journal().entries(CecOperation.POLL).stream()
                .anyMatch(e -> e.uri().contains("receiverId=held")) && received.containsKey("alive"));
        await().atMost(WAIT).until(() -> heldMessages() >= 1);
        first.getShutdownStrategy().setTimeout(1);
        first.stop();

        // a new application on the same database: nobody writes, yet both customers are polled again
        received.clear();
        start(recordingRoute());
        sim().sendAgentMessage("alive", "after the restart");
        await().atMost(WAIT).until(() -> received.getOrDefault("alive", List.of()).contains("after the restart"));
        await().atMost(WAIT).until(() -> received.getOrDefault("held", List.of()).contains("kept across the restart"));
        assertThat(heldMessages()).isZero();
    }

    @Test
    void aDatabaseThatGoesAwayMakesPollsWaitAndLosesNothing() throws Exception {
        CamelContext context = start(recordingRoute());
        connect(context, "steady");
        await().atMost(WAIT).until(() -> received.containsKey("steady")); // the greeting

        database.down();
        for (int i = 0; i < 5; i++) {
            sim().sendAgentMessage("steady", "during the outage " + i);
        }
        await().atMost(WAIT).until(() -> consumerHealth(context) == HealthCheck.State.DOWN);
        // nothing reaches the route that the store could not record
        await().during(Duration.ofMillis(500)).atMost(WAIT)
                .until(() -> received.get("steady").stream().noneMatch(m -> m.startsWith("during the outage")));

        database.up();
        await().atMost(WAIT).until(() -> received.get("steady").stream()
                .filter(m -> m.startsWith("during the outage")).count() == 5);
        assertThat(received.get("steady")).filteredOn(m -> m.startsWith("during the outage"))
                .containsExactly("during the outage 0", "during the outage 1", "during the outage 2",
                        "during the outage 3", "during the outage 4");
        await().atMost(WAIT).until(() -> consumerHealth(context) == HealthCheck.State.UP);
    }

    @Test
    void customersDeliveringTogetherShareCommitsAndEachGetsItsMessagesOnceInOrder() throws Exception {
        CamelContext context = start(recordingRoute());
        int customers = 8;
        int perCustomer = 25;
        for (int c = 0; c < customers; c++) {
            connect(context, "order" + c);
        }
        await().atMost(WAIT).until(() -> received.keySet().stream().filter(id -> id.startsWith("order")).count()
                                         == customers);
        List<String> expected = new ArrayList<>();
        for (int m = 0; m < perCustomer; m++) {
            expected.add("in order " + m);
            for (int c = 0; c < customers; c++) {
                sim().sendAgentMessage("order" + c, "in order " + m);
            }
        }

        for (int c = 0; c < customers; c++) {
            String id = "order" + c;
            await().atMost(WAIT).until(() -> received.get(id).stream().filter(m -> m.startsWith("in order")).count()
                                             >= perCustomer);
            assertThat(received.get(id)).filteredOn(m -> m.startsWith("in order")).as(id)
                    .containsExactlyElementsOf(expected);
        }
        await().atMost(WAIT).until(() -> heldMessages() == 0);
        assertThat(count("cec_delivered_code")).isGreaterThanOrEqualTo(customers * perCustomer);
    }

    @Test
    void aDatabaseThatCannotBeReachedFailsTheStartNamingTheOption() {
        database.down();
        assertThatThrownBy(() -> start(recordingRoute()))
                .hasStackTraceContaining("dataSource").hasStackTraceContaining("state database is down");
    }

    @Test
    void aStateTableOfTheWrongShapeFailsTheStartNamingTableAndColumn() throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cec_session (user_id VARCHAR(64) PRIMARY KEY, user_name VARCHAR(200))");
        }
        assertThatThrownBy(() -> start(recordingRoute()))
                .hasStackTraceContaining("dataSource").hasStackTraceContaining("cec_session")
                .hasStackTraceContaining("has no column");
    }

    private RouteBuilder recordingRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").process(DurableStateTest.this::record);
            }
        };
    }

    private void record(org.apache.camel.Exchange exchange) {
        DownlinkMessage message = exchange.getMessage().getBody(DownlinkMessage.class);
        received.computeIfAbsent(exchange.getMessage().getHeader(CecConstants.USER_ID, String.class),
                id -> new CopyOnWriteArrayList<>()).add(message.getContent());
    }

    private CamelContext start(RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        CecComponent component = SimulatorComponents.componentFor(sim());
        component.setDataSource(database);
        context.addComponent("cec", component);
        HealthCheckRegistry health = new DefaultHealthCheckRegistry();
        health.setCamelContext(context);
        health.register(health.resolveById("consumers"));
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, health);
        context.addRoutes(routes);
        contexts.add(context);
        context.start();
        return context;
    }

    private static void connect(CamelContext context, String userId) {
        context.createProducerTemplate().sendBodyAndHeaders("cec:send", "", Map.of(CecConstants.USER_ID, userId,
                CecConstants.CONTROL_TYPE, "CONNECT"));
    }

    private int heldMessages() throws Exception {
        return count("cec_pending_message");
    }

    private int count(String table) throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static HealthCheck.State consumerHealth(CamelContext context) {
        return HealthCheckHelper.invoke(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("consumer:"))
                .map(HealthCheck.Result::getState).findFirst().orElse(HealthCheck.State.UNKNOWN);
    }

    private static CecSimulator sim() {
        return SIM.simulator();
    }
}
