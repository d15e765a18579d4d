package io.github.camelcec.component.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.camelcec.component.durable.ChildJvm;
import io.github.camelcec.component.durable.DeliveryLog;
import io.github.camelcec.component.durable.PollingApplication;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.JournalEntry;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelcec.component.durable.DeliveryLog.agentLines;
import static io.github.camelcec.component.durable.DeliveryLog.contents;
import static io.github.camelcec.component.durable.DeliveryLog.distinct;
import static io.github.camelcec.component.durable.DeliveryLog.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * product.md §4 and §5 "failover" and "faults": three replicas in JVMs of their own share one state database and a
 * file-lock cluster service. The one that polls is killed (SIGKILL) mid-delivery; the others take its partitions over
 * within the lock's lease, the takeover delay and a poll interval, deliver what the dead one held, and every message
 * arrives, in order per customer, duplicated only where an exchange was in flight at the kill. Never were two polls of
 * one customer in flight at once from two replicas. Meanwhile CEC answers 5 % of polls with 503 and resets 2 %, fails
 * 10 % of token calls, expires customer tokens, and the route fails 10 % of its exchanges.
 */
abstract class ReplicaFailoverContract {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> CUSTOMERS = List.of("c1", "c2", "c3", "c4", "c5", "c6");
    private static final List<String> REPLICAS = List.of("a", "b", "c");
    private static final int PER_CUSTOMER = 15;
    private static final long TAKEOVER_DELAY = 500;

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    @TempDir
    Path dir;

    /** The JDBC URL, user and password the replicas use. */
    protected abstract String[] database(Path dir);

    /** A table prefix of this run's own. */
    protected abstract String prefix();

    @Test
    void theSurvivorsTakeOverTheKilledReplicasCustomersAndLoseNothing() throws Exception {
        Map<String, Path> outs = new LinkedHashMap<>();
        Map<String, ChildJvm> jvms = new LinkedHashMap<>();
        try {
            for (String name : REPLICAS) {
                outs.put(name, dir.resolve("out-" + name + ".tsv"));
                // the first replica CONNECTs the customers: their sessions are in the shared table for all
                jvms.put(name, ChildJvm.start(dir.resolve("jvm-" + name + ".log"),
                        args(name, outs.get(name), name.equals(REPLICAS.get(0)) ? String.join(",", CUSTOMERS) : "")));
            }
            for (ChildJvm jvm : jvms.values()) {
                jvm.awaitReady(WAIT);
            }
            await().atMost(WAIT).until(() -> sim().journal().count(CecOperation.SEND) >= CUSTOMERS.size());
            // whoever leads the partitions polls; wait until every customer is polled by someone
            await().atMost(WAIT).until(() -> CUSTOMERS.stream().allMatch(c -> lastPoller(c).isPresent()));
            String victim = lastPoller(CUSTOMERS.get(0)).orElseThrow();
            sim().faults().on(CecOperation.POLL).errorRate(0.05, 503).resetRate(0.02);
            sim().faults().on(CecOperation.APPLY_TOKEN).errorRate(0.10, 500);
            sim().faults().on(CecOperation.TOKEN_BY_AKSK).errorRate(0.10, 500);
            CUSTOMERS.forEach(c -> sim().expireCustomerToken(c));
            sendAgentMessages();
            await().atMost(WAIT).until(() -> agentLines(outs.get(victim)).size() >= 8);
            List<String> victimsCustomers = CUSTOMERS.stream()
                    .filter(c -> lastPoller(c).filter(victim::equals).isPresent()).toList();
            jvms.get(victim).kill();
            Instant killedAt = Instant.now();
            List<String> survivors = REPLICAS.stream().filter(r -> !r.equals(victim)).toList();

            await().atMost(WAIT).until(() -> distinct(agentLines(outs.get(victim)), survivorLines(outs, survivors))
                                              == CUSTOMERS.size() * PER_CUSTOMER);
            // taken over: a survivor delivers what the dead one held (then polls), whichever shows first
            Instant pickedUp = await().atMost(WAIT).until(() -> firstActivity(survivors, outs, victimsCustomers,
                    killedAt), Optional::isPresent).orElseThrow();
            Duration failover = Duration.between(killedAt, pickedUp);
            // the lease: a leader not heard of for 5 heartbeats is stale, seen at the next heartbeat
            Duration bound = Duration.ofMillis(7 * PollingApplication.LOCK_INTERVAL_MILLIS + TAKEOVER_DELAY + 50)
                    .plusSeconds(5);
            assertThat(failover).as("kill -> a survivor's first poll or delivery for a customer the killed one polled")
                    .isLessThan(bound);

            List<String[]> before = agentLines(outs.get(victim));
            List<String[]> after = survivorLines(outs, survivors);
            int duplicatesTotal = 0;
            for (String customer : CUSTOMERS) {
                List<String> delivered = new ArrayList<>(contents(before, customer));
                int duplicates = 0;
                for (String m : contents(after, customer)) {
                    if (delivered.contains(m)) {
                        duplicates++;
                        assertThat(m).as("only the exchange in flight at the kill is delivered again")
                                .isEqualTo(delivered.get(delivered.size() - 1));
                    } else {
                        delivered.add(m);
                    }
                }
                duplicatesTotal += duplicates;
                assertThat(duplicates).as("duplicates of " + customer).isLessThanOrEqualTo(1);
                assertThat(delivered).as("every message of " + customer + ", in order")
                        .isEqualTo(numbered("m", PER_CUSTOMER));
            }
            assertThat(sim().overlappingPolls().stream()
                    .filter(o -> o.earlierClientId() != null && !o.earlierClientId().equals(o.laterClientId())))
                    .as("polls of one customer in flight from two replicas at once").isEmpty();
            System.out.printf("failover test (%s): %d replicas; kill -> first poll or delivery for the killed replica's "
                              + "customers %d ms (%d of %d customers were its); %d delivered before the kill, %d after, %d lost, "
                              + "%d duplicates%n", prefix(), REPLICAS.size(), failover.toMillis(),
                    victimsCustomers.size(), CUSTOMERS.size(), before.size(), after.size(),
                    CUSTOMERS.size() * PER_CUSTOMER - distinct(before, after), duplicatesTotal);
        } finally {
            for (ChildJvm jvm : jvms.values()) {
                jvm.close();
            }
        }
    }

    /** When a survivor first polled, or finished a message of, one of the killed replica's customers after the kill. */
    private static Optional<Instant> firstActivity(List<String> survivors, Map<String, Path> outs,
                                                   List<String> customers, Instant after) throws IOException {
        Optional<Instant> poll = sim().journal().entries(CecOperation.POLL).stream()
                .filter(e -> survivors.contains(e.clientId()) && e.at().isAfter(after)
                             && customers.stream().anyMatch(c -> polls(e, c)))
                .map(JournalEntry::at).min(Instant::compareTo);
        Optional<Instant> delivery = survivorLines(outs, survivors).stream()
                .filter(f -> customers.contains(f[0]))
                .map(f -> Instant.ofEpochMilli(Long.parseLong(f[4]))).filter(t -> t.isAfter(after))
                .min(Instant::compareTo);
        return Stream.of(poll, delivery).flatMap(Optional::stream).min(Instant::compareTo);
    }

    /** What the survivors finished; a customer's messages after the kill are all from the one that took it over. */
    private static List<String[]> survivorLines(Map<String, Path> outs, List<String> survivors) throws IOException {
        List<String[]> lines = new ArrayList<>();
        for (String survivor : survivors) {
            lines.addAll(agentLines(outs.get(survivor)));
        }
        return lines;
    }

    private List<String> args(String name, Path out, String connect) {
        CecSimulator sim = sim();
        String[] db = database(dir);
        return List.of("baseUrl=" + sim.baseUrl(), "appKey=" + sim.appKey(), "appSecret=" + sim.appSecret(),
                "channelConfigId=" + sim.channelConfigId(), "jdbcUrl=" + db[0], "jdbcUser=" + db[1],
                "jdbcPassword=" + db[2], "prefix=" + prefix(), "out=" + out, "routeMillis=100", "failRate=0.1",
                "connect=" + connect,
                "clusterRoot=" + dir.resolve("cluster"), "clientId=" + name, "partitions=4",
                "takeoverDelay=" + TAKEOVER_DELAY);
    }

    /** The replica that polled the customer last, from the simulator's journal. */
    private static Optional<String> lastPoller(String customer) {
        List<JournalEntry> polls = sim().journal().entries(CecOperation.POLL);
        for (int i = polls.size() - 1; i >= 0; i--) {
            JournalEntry e = polls.get(i);
            if (polls(e, customer)) {
                return Optional.ofNullable(e.clientId());
            }
        }
        return Optional.empty();
    }

    private static boolean polls(JournalEntry poll, String customer) {
        return poll.uri().matches(".*[?&]receiverId=" + customer + "(&.*)?");
    }

    private static void sendAgentMessages() {
        for (int i = 0; i < PER_CUSTOMER; i++) {
            for (String customer : CUSTOMERS) {
                sim().sendAgentMessage(customer, String.format("m%02d", i));
            }
        }
    }

    @AfterEach
    void showChildProblems() throws IOException {
        DeliveryLog.showChildProblems(dir, REPLICAS.stream().map(r -> "jvm-" + r + ".log").toList());
    }

    static CecSimulator sim() {
        return SIM.simulator();
    }
}
