package io.github.camelcec.component.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConstants;
import io.github.camelcec.component.CecConsumer;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.support.SimulatorComponents;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * product.md §4: what a replica does with a partition it loses while an exchange of it is in flight, and with one it
 * loses and wins back before that exchange ends. The leaders are appointed by the test, so the handover happens
 * exactly while the route holds a message.
 */
class PartitionHandoverTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** One partition: every customer moves with it. */
    private static final String NAMESPACE = "cec-handover-0";
    private static final List<String> CUSTOMERS = List.of("h1", "h2");

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    @TempDir
    Path dir;

    private final AppointedClusterService.Election election = new AppointedClusterService.Election();
    private final Map<String, CamelContext> replicas = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String[]> delivered = new ConcurrentLinkedQueue<>();
    /** The route of replica a holds every message "m02" until the test opens the gate. */
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch heldAtGate = new CountDownLatch(CUSTOMERS.size());
    private JdbcDataSource database;

    @BeforeEach
    void database() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + dir.resolve("state") + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void stop() {
        gate.countDown();
        replicas.values().forEach(CamelContext::stop);
    }

    @Test
    void aLostPartitionIsPolledNoMoreAndItsHeldMessagesGoToTheNewLeader() throws Exception {
        start("a");
        start("b");
        election.appoint(NAMESPACE, "a");
        connectThrough("a");
        agentWrites(10);
        assertThat(heldAtGate.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("a holds m02 of each customer").isTrue();

        election.appoint(NAMESPACE, "b");
        long pollsOfA = pollsBy("a");
        // b waits out the takeover delay, then delivers what a fetched and holds (m02 again: a's exchange is open)
        await().atMost(WAIT).until(() -> CUSTOMERS.stream().allMatch(c -> contents("b", c).contains("m09")));
        assertThat(pollsBy("a")).as("a polls no more once it lost the partition").isLessThanOrEqualTo(pollsOfA + 1);

        gate.countDown();
        await().atMost(WAIT).until(() -> CUSTOMERS.stream().allMatch(c -> contents("a", c).contains("m02")));
        for (String customer : CUSTOMERS) {
            assertThat(contents("a", customer)).as("a stops after its exchange in flight")
                    .containsExactly("m00", "m01", "m02");
            assertThat(contents("b", customer)).as("b goes on from the message a had in flight")
                    .isEqualTo(expected(2, 10));
        }
        assertThat(SIM.simulator().overlappingPolls()).isEmpty();
    }

    @Test
    void aPartitionWonBackMidExchangeGoesOnFromTheStoreWithoutLossOrDuplicate() throws Exception {
        start("a");
        start("b");
        election.appoint(NAMESPACE, "a");
        connectThrough("a");
        agentWrites(10);
        assertThat(heldAtGate.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // lost and won back before b's takeover delay ran out: b never takes over, a's term changes
        election.appoint(NAMESPACE, "b");
        election.appoint(NAMESPACE, "a");
        gate.countDown();

        await().atMost(WAIT).until(() -> CUSTOMERS.stream().allMatch(c -> contents("a", c).contains("m09")));
        for (String customer : CUSTOMERS) {
            assertThat(contents("a", customer)).as("exactly once, in order").isEqualTo(expected(0, 10));
            assertThat(contents("b", customer)).isEmpty();
        }
    }

    @Test
    void aReplicaThatLeadsNoPartitionPollsNobody() throws Exception {
        gate.countDown();
        start("a");
        connectThrough("a");
        agentWrites(1);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> pollsBy("a") == 0);
        election.appoint(NAMESPACE, "a");
        await().atMost(WAIT).until(() -> CUSTOMERS.stream().allMatch(c -> contents("a", c).size() == 1));
    }

    @Test
    void aLeadershipChangeNobodyAnnouncedIsNoticedAtTheNextTick() throws Exception {
        gate.countDown();
        start("a");
        start("b");
        election.appointQuietly(NAMESPACE, "b");
        await().atMost(WAIT).until(() -> polledPartitions("b") == 1);
        connectThrough("a");
        agentWrites(3);
        await().atMost(WAIT).until(() -> CUSTOMERS.stream().allMatch(c -> contents("b", c).size() == 3));

        election.appointQuietly(NAMESPACE, "a");
        // noticed by both at their next tick, without any event
        await().atMost(WAIT).until(() -> polledPartitions("a") == 1 && polledPartitions("b") == 0);
        agentWrites(3);
        await().atMost(WAIT).until(() -> CUSTOMERS.stream().allMatch(c -> contents("a", c).size() == 3));
        for (String customer : CUSTOMERS) {
            assertThat(contents("b", customer)).isEqualTo(expected(0, 3));
            assertThat(contents("a", customer)).isEqualTo(expected(0, 3));
        }
        assertThat(SIM.simulator().overlappingPolls()).isEmpty();
    }

    private void start(String name) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addService(new AppointedClusterService(name, election));
        CecComponent component = SimulatorComponents.componentFor(SIM.simulator());
        component.setDataSource(database);
        component.getConfiguration().setClientId(name);
        context.addComponent("cec", component);
        context.getShutdownStrategy().setTimeout(5);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?clustered=true&partitions=1&clusterNamespacePrefix=cec-handover&delay=50"
                     + "&takeoverDelay=300")
                        .routeId("poll")
                        .process(e -> {
                            DownlinkMessage m = e.getMessage().getBody(DownlinkMessage.class);
                            if (!"AGENT".equals(m.getSourceType())) {
                                return;
                            }
                            if (name.equals("a") && "m02".equals(m.getContent()) && gate.getCount() > 0) {
                                heldAtGate.countDown();
                                gate.await();
                            }
                            delivered.add(new String[] {
                                    name, e.getMessage().getHeader(CecConstants.USER_ID, String.class), m.getContent() });
                        });
            }
        });
        context.start();
        replicas.put(name, context);
    }

    private void connectThrough(String replica) {
        for (String customer : CUSTOMERS) {
            replicas.get(replica).createProducerTemplate().sendBodyAndHeaders("cec:send", "",
                    Map.of(CecConstants.USER_ID, customer, CecConstants.CONTROL_TYPE, "CONNECT"));
        }
    }

    private static void agentWrites(int perCustomer) {
        CecSimulator sim = SIM.simulator();
        for (int i = 0; i < perCustomer; i++) {
            for (String customer : CUSTOMERS) {
                sim.sendAgentMessage(customer, String.format("m%02d", i));
            }
        }
    }

    private int polledPartitions(String replica) {
        return ((CecConsumer) replicas.get(replica).getRoute("poll").getConsumer()).getPolledPartitionCount();
    }

    private static long pollsBy(String replica) {
        return SIM.simulator().journal().entries(CecOperation.POLL).stream()
                .filter(e -> replica.equals(e.clientId())).count();
    }

    private List<String> contents(String replica, String customer) {
        return delivered.stream().filter(d -> d[0].equals(replica) && d[1].equals(customer)).map(d -> d[2]).toList();
    }

    private static List<String> expected(int from, int to) {
        List<String> expected = new ArrayList<>();
        for (int i = from; i < to; i++) {
            expected.add(String.format("m%02d", i));
        }
        return expected;
    }
}
