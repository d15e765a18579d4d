package io.github.camelcec.component.durable;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
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
 * product.md §4 and §5 "faults": {@code cec:poll} with its state in a database, in JVMs of their own. A JVM killed
 * mid-delivery (SIGKILL) and a new one on the same database deliver every message at least once, in order per
 * customer, duplicates only for exchanges in flight at the kill; after a graceful stop a new JVM polls the sessions
 * again without the customers writing, and delivers each message exactly once.
 */
abstract class CrashAndRestartContract {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> CUSTOMERS = List.of("c1", "c2", "c3", "c4", "c5");

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    @TempDir
    Path dir;

    /** The JDBC URL, user and password the child JVMs use. */
    protected abstract String[] database(Path dir);

    /** A table prefix of this run's own. */
    protected abstract String prefix();

    @Test
    void aKilledJvmLosesNoMessageAndDoublesOnlyWhatWasInFlight() throws Exception {
        Path out1 = dir.resolve("out-1.tsv");
        Path out2 = dir.resolve("out-2.tsv");
        int perCustomer = 15;
        try (ChildJvm first = ChildJvm.start(dir.resolve("jvm-1.log"), args(out1, 100, String.join(",", CUSTOMERS)))) {
            first.awaitReady(WAIT);
            await().atMost(WAIT).until(() -> sim().journal().count(CecOperation.SEND) >= CUSTOMERS.size());
            sendAgentMessages("m", perCustomer);
            await().atMost(WAIT).until(() -> agentLines(out1).size() >= 20);
            first.kill();
        }
        List<String[]> beforeKill = agentLines(out1);
        assertThat(beforeKill.size()).as("killed mid-delivery").isLessThan(CUSTOMERS.size() * perCustomer);

        try (ChildJvm second = ChildJvm.start(dir.resolve("jvm-2.log"), args(out2, 0, ""))) {
            second.awaitReady(WAIT);
            await().atMost(WAIT).until(() -> distinct(agentLines(out1), agentLines(out2)) == CUSTOMERS.size() * perCustomer);
            second.stop();
        }
        List<String[]> afterKill = agentLines(out2);
        for (String customer : CUSTOMERS) {
            List<String> delivered = new ArrayList<>(contents(beforeKill, customer));
            List<String> second = contents(afterKill, customer);
            int duplicates = 0;
            for (String m : second) {
                if (delivered.contains(m)) {
                    duplicates++;
                    // only the exchange in flight at the kill: the last one the first JVM finished
                    assertThat(m).as("duplicate of " + customer).isEqualTo(delivered.get(delivered.size() - 1));
                } else {
                    delivered.add(m);
                }
            }
            assertThat(duplicates).as("duplicates of " + customer).isLessThanOrEqualTo(1);
            assertThat(delivered).as("every message of " + customer + ", in order").isEqualTo(numbered("m", perCustomer));
        }
        System.out.printf("crash test (%s): %d delivered before the kill, %d after, %d distinct%n", prefix(),
                beforeKill.size(), afterKill.size(), distinct(beforeKill, afterKill));
    }

    @Test
    void aNewJvmCarriesOnTheSessionsOfAStoppedOne() throws Exception {
        Path out1 = dir.resolve("out-1.tsv");
        Path out2 = dir.resolve("out-2.tsv");
        try (ChildJvm first = ChildJvm.start(dir.resolve("jvm-1.log"), args(out1, 0, String.join(",", CUSTOMERS)))) {
            first.awaitReady(WAIT);
            await().atMost(WAIT).until(() -> sim().journal().count(CecOperation.SEND) >= CUSTOMERS.size());
            sendAgentMessages("before-", 5);
            await().atMost(WAIT).until(() -> agentLines(out1).size() == CUSTOMERS.size() * 5);
            // a JVM stopped by SIGTERM exits with 143 once its shutdown hook (Camel's graceful stop) has run
            assertThat(first.stop()).as("exit after the graceful stop").isIn(0, 143);
        }
        // while no JVM runs, the agents go on writing; nobody on the customer side writes again
        sendAgentMessages("after-", 5);
        try (ChildJvm second = ChildJvm.start(dir.resolve("jvm-2.log"), args(out2, 0, ""))) {
            second.awaitReady(WAIT);
            await().atMost(WAIT).until(() -> agentLines(out2).size() >= CUSTOMERS.size() * 5);
            second.stop();
        }
        for (String customer : CUSTOMERS) {
            assertThat(contents(agentLines(out1), customer)).isEqualTo(numbered("before-", 5));
            assertThat(contents(agentLines(out2), customer)).as("exactly once, in order").isEqualTo(numbered("after-", 5));
        }
    }

    private List<String> args(Path out, long routeMillis, String connect) {
        CecSimulator sim = sim();
        String[] db = database(dir);
        return List.of("baseUrl=" + sim.baseUrl(), "appKey=" + sim.appKey(), "appSecret=" + sim.appSecret(),
                "channelConfigId=" + sim.channelConfigId(), "jdbcUrl=" + db[0], "jdbcUser=" + db[1],
                "jdbcPassword=" + db[2], "prefix=" + prefix(), "out=" + out, "routeMillis=" + routeMillis,
                "connect=" + connect);
    }

    private static void sendAgentMessages(String prefix, int perCustomer) {
        for (int i = 0; i < perCustomer; i++) {
            for (String customer : CUSTOMERS) {
                sim().sendAgentMessage(customer, String.format("%s%02d", prefix, i));
            }
        }
    }

    @AfterEach
    void showChildProblems() throws IOException {
        DeliveryLog.showChildProblems(dir, List.of("jvm-1.log", "jvm-2.log"));
    }

    static CecSimulator sim() {
        return SIM.simulator();
    }
}
