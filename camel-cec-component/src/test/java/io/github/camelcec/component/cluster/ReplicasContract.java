package io.github.camelcec.component.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConstants;
import io.github.camelcec.component.CecConsumer;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.support.SimulatorComponents;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.JournalEntry;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
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
 * product.md §4 "scale-out": replicas (here CamelContexts in one JVM, each with a cluster service of its own, one state
 * database) share the customers of one app. Whatever cluster service leads the partitions, every customer's messages
 * are delivered exactly once and in order while replicas stop and start, two replicas never poll one customer at
 * once (the simulator's overlap detector), and a customer's send works from any replica without a second CONNECT.
 * Neither engine here rebalances: the first replica to start tends to lead every partition, and a stopped leader's
 * partitions go to the others — the handover is what these tests exercise.
 */
abstract class ReplicasContract {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final int PARTITIONS = 8;
    static final int CUSTOMERS = 24;

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    @TempDir
    Path dir;

    private JdbcDataSource database;
    private final Map<String, CamelContext> replicas = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<String[]> delivered = new ConcurrentLinkedQueue<>();

    /** A cluster service of this engine for the replica {@code name}, not yet started. */
    protected abstract CamelClusterService clusterService(String name, Path dir) throws Exception;

    @BeforeEach
    void database() {
        database = new JdbcDataSource();
        // one database for every replica of this JVM, kept open between connections as a pool would keep it
        database.setURL("jdbc:h2:file:" + dir.resolve("state") + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void stopReplicas() {
        replicas.values().forEach(CamelContext::stop);
    }

    @Test
    void replicasShareTheCustomersAndHandThemOverOnStopAndStart() throws Exception {
        start("r1");
        start("r2");
        start("r3");
        awaitEveryPartitionPolledOnce();
        List<String> customers = connect(List.of("r1", "r2", "r3"));

        agentWrites(customers, "a", 4);
        awaitDelivered(customers.size() * 4);

        // the replica that leads the most partitions stops (a rolling deploy): the others take them over
        String busiest = replicas.keySet().stream()
                .max(Comparator.comparingInt(r -> polledPartitions(replicas.get(r)).size())).orElseThrow();
        replicas.remove(busiest).stop();
        agentWrites(customers, "b", 4);
        awaitDelivered(customers.size() * 8);
        awaitEveryPartitionPolledOnce();

        start(busiest);
        agentWrites(customers, "c", 4);
        awaitDelivered(customers.size() * 12);
        awaitEveryPartitionPolledOnce();

        for (String customer : customers) {
            List<String> expected = new ArrayList<>(expected("a", 4));
            expected.addAll(expected("b", 4));
            expected.addAll(expected("c", 4));
            assertThat(contentsOf(customer)).as("exactly once, in order, for " + customer).isEqualTo(expected);
        }
        assertThat(sim().overlappingPolls()).as("two replicas polling one customer at once").isEmpty();
    }

    @Test
    void aCustomerSendsThroughAnyReplicaWithOneConnect() throws Exception {
        start("r1");
        start("r2");
        awaitEveryPartitionPolledOnce();
        List<String> customers = connect(List.of("r1"));
        for (String customer : customers) {
            replicas.get("r2").createProducerTemplate().sendBodyAndHeader("cec:send", "hello from r2",
                    CecConstants.USER_ID, customer);
        }
        List<JournalEntry> connects = sim().journal().entries(CecOperation.SEND).stream()
                .filter(e -> e.body().contains("\"CONNECT\"")).toList();
        assertThat(connects).as("one CONNECT per customer, from r1").hasSize(customers.size())
                .allMatch(e -> "r1".equals(e.clientId()));
        agentWrites(customers, "a", 2);
        awaitDelivered(customers.size() * 2);
        assertThat(sim().overlappingPolls()).isEmpty();
    }

    void start(String name) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        CamelClusterService service = clusterService(name, dir);
        context.addService(service);
        CecComponent component = SimulatorComponents.componentFor(sim());
        component.setDataSource(database);
        component.getConfiguration().setClientId(name);
        context.addComponent("cec", component);
        context.getShutdownStrategy().setTimeout(10);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?clustered=true&partitions=" + PARTITIONS + "&delay=50&takeoverDelay=200")
                        .routeId("poll")
                        .process(e -> {
                            DownlinkMessage m = e.getMessage().getBody(DownlinkMessage.class);
                            if ("AGENT".equals(m.getSourceType())) {
                                delivered.add(new String[] {
                                        name, e.getMessage().getHeader(CecConstants.USER_ID, String.class),
                                        m.getContent() });
                            }
                        });
            }
        });
        context.start();
        replicas.put(name, context);
    }

    /** CONNECTs the customers, each through one of {@code through} in turn; returns their ids. */
    List<String> connect(List<String> through) {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = "customer-" + i;
            replicas.get(through.get(i % through.size())).createProducerTemplate().sendBodyAndHeaders("cec:send", "",
                    Map.of(CecConstants.USER_ID, customer, CecConstants.CONTROL_TYPE, "CONNECT"));
            customers.add(customer);
        }
        return customers;
    }

    /** Every partition is polled by exactly one running replica. */
    void awaitEveryPartitionPolledOnce() {
        await().atMost(WAIT).until(() -> {
            List<Integer> all = new ArrayList<>();
            for (CamelContext replica : replicas.values()) {
                all.addAll(polledPartitions(replica));
            }
            return all.size() == PARTITIONS && all.stream().distinct().count() == PARTITIONS;
        });
    }

    static List<Integer> polledPartitions(CamelContext replica) {
        String led = ((CecConsumer) replica.getRoute("poll").getConsumer()).getPolledPartitions();
        String inside = led.substring(1, led.length() - 1).trim();
        List<Integer> partitions = new ArrayList<>();
        if (!inside.isEmpty()) {
            for (String p : inside.split(",\\s*")) {
                partitions.add(Integer.parseInt(p));
            }
        }
        return partitions;
    }

    void awaitDelivered(int count) {
        await().atMost(WAIT).until(() -> delivered.size() >= count);
    }

    List<String> contentsOf(String customer) {
        return delivered.stream().filter(d -> d[1].equals(customer)).map(d -> d[2]).toList();
    }

    static void agentWrites(List<String> customers, String prefix, int perCustomer) {
        for (int i = 0; i < perCustomer; i++) {
            for (String customer : customers) {
                sim().sendAgentMessage(customer, String.format("%s%02d", prefix, i));
            }
        }
    }

    static List<String> expected(String prefix, int count) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(String.format("%s%02d", prefix, i));
        }
        return expected;
    }

    static CecSimulator sim() {
        return SIM.simulator();
    }
}
