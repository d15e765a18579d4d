package io.github.camelcec.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcec.demo.embedded.EmbeddedSystems;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.JournalEntry;
import io.github.camelcec.simulator.PollOverlap;

/**
 * product.md §4 shown: the bridge runs as several replicas in this JVM that share the state database and a cluster
 * folder (Camel's file-lock cluster service). Kafka's consumer group shares the customers' records among them, the
 * cluster service the customers' polls. Midway through the conversations the replica that polls the most customers
 * stops, as in a rolling deploy: the others take its Kafka partitions and its customer partitions over, and every
 * reply still reaches Kafka exactly once and in order. The simulator's journal tells the replicas apart by their
 * {@code X-Cec-Client-Id}.
 */
final class ReplicasAct {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final Pattern RECEIVER = Pattern.compile("[?&]receiverId=([^&]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the demo's summary says, and what the replicas add to it. */
    record Outcome(DemoReport report, Result replicas) {
        boolean ok() {
            return report.ok() && replicas.ok();
        }
    }

    /**
     * What the replicas did.
     *
     * @param stopped          the replica that stopped midway; null if it could not be chosen
     * @param stopMs           how long its graceful stop took
     * @param takeoverMs       from the start of its stop to another replica's first poll of a customer it polled;
     *                         -1 if none was polled again
     * @param connectedTwice   customers CONNECTed more than once (a replica that did not see the shared session)
     * @param overlappingPolls times two replicas polled one customer at once (the simulator's overlap detector)
     */
    record Result(List<String> replicas, int partitions, String stopped, int stoppedPartitions, int stoppedAfterSends,
                  long stopMs, long takeoverMs, Map<String, Long> pollsByReplica, Map<String, Long> sendsByReplica,
                  int customersConnected, int connectedTwice, int overlappingPolls) {

        boolean ok() {
            return stopped != null && takeoverMs >= 0 && connectedTwice == 0 && overlappingPolls == 0;
        }

        String render() {
            StringBuilder s = new StringBuilder();
            line(s, "replicas", replicas.size() + " (" + String.join(", ", replicas) + ") on one state database and "
                                + "one cluster folder, " + partitions + " customer partitions");
            line(s, "stop", stopped == null ? "no replica polled every partition; none was stopped"
                    : stopped + " (it polled " + stoppedPartitions + " of " + partitions + " partitions) stopped after "
                      + stoppedAfterSends + " sends to CEC, in " + stopMs + " ms; "
                      + (takeoverMs < 0 ? "its customers were NOT polled again"
                              : "its customers polled again " + takeoverMs + " ms after the stop began"));
            line(s, "polls", "by replica " + pollsByReplica + "; " + overlappingPolls
                             + " times two replicas polled one customer at once");
            line(s, "uplink", "sends by replica " + sendsByReplica + "; " + (customersConnected - connectedTwice)
                              + " of " + customersConnected + " customers CONNECTed once");
            line(s, "replicas result", ok() ? "OK: the replicas shared the customers and handed them over"
                    : "FAILED");
            return s.toString().stripTrailing();
        }

        private static void line(StringBuilder s, String label, String value) {
            s.append(String.format("%-17s %s%n", label, value));
        }
    }

    private ReplicasAct() {
    }

    static Outcome play(EmbeddedSystems systems, Map<String, String> bridgeProperties, int replicas, int customers,
                        PrintStream out) throws Exception {
        Path clusterRoot = systems.stateDirectory().resolve("cluster");
        Map<String, EmbeddedBridge> running = new LinkedHashMap<>();
        CecSimulator sim = systems.cec().simulator();
        try {
            for (int i = 1; i <= replicas; i++) {
                Map<String, String> properties = new LinkedHashMap<>(bridgeProperties);
                properties.put("cec.replica-id", "bridge-" + i);
                properties.put("cec.cluster-root", clusterRoot.toString());
                running.put("bridge-" + i, EmbeddedBridge.start(properties));
            }
            List<String> names = List.copyOf(running.keySet());
            EmbeddedBridge first = running.get(names.get(0));
            int partitions = Integer.parseInt(first.property("camel.component.cec.partitions"));
            waitFor(() -> everyPartitionPolledOnce(running, partitions));
            out.println();
            out.printf("Replicas: %s share the state database and the cluster folder %s%n", names, clusterRoot);
            running.forEach((name, bridge) -> out.printf("  %s polls %d of %d customer partitions%n", name,
                    bridge.polledPartitions().size(), partitions));

            // the one that polls the most customers stops: the others must take them over
            String victim = names.stream()
                    .max((a, b) -> running.get(a).polledPartitions().size() - running.get(b).polledPartitions().size())
                    .orElseThrow();
            int victimPartitions = running.get(victim).polledPartitions().size();
            EmbeddedBridge survivor = running.entrySet().stream().filter(e -> !e.getKey().equals(victim))
                    .map(Map.Entry::getValue).findFirst().orElseThrow();
            long sendsBefore = sim.journal().count(CecOperation.SEND);
            int stopAfter = Math.max(1, customers * 5 / 2);
            Stopper stopper = new Stopper(victim, running.get(victim), () ->
                    sim.journal().count(CecOperation.SEND) - sendsBefore >= stopAfter, out);
            stopper.start();

            DemoDriver driver = new DemoDriver(survivor, systems, customers, out);
            DemoReport report = driver.run();
            stopper.join(WAIT.toMillis());
            running.remove(victim);
            return new Outcome(report, result(sim, driver.customerIdPrefix(), names, partitions, victim,
                    victimPartitions, stopAfter, stopper));
        } finally {
            for (EmbeddedBridge bridge : running.values()) {
                bridge.close();
            }
        }
    }

    /** Stops a replica, gracefully, once the customers are midway. */
    private static final class Stopper extends Thread {
        private final String name;
        private final EmbeddedBridge bridge;
        private final BooleanSupplier midway;
        private final PrintStream out;
        private volatile Instant began;
        private volatile long stopMs = -1;

        Stopper(String name, EmbeddedBridge bridge, BooleanSupplier midway, PrintStream out) {
            super("demo-replica-stop");
            setDaemon(true);
            this.name = name;
            this.bridge = bridge;
            this.midway = midway;
            this.out = out;
        }

        @Override
        public void run() {
            try {
                waitFor(midway);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                out.printf("%n%s  -- %s stops (a rolling deploy): the other replicas take over its customers --%n%n",
                        LocalTime.now().format(TIME), name);
                began = Instant.now();
                long start = System.nanoTime();
                bridge.close();
                stopMs = (System.nanoTime() - start) / 1_000_000;
                out.printf("%n%s  -- %s stopped after %d ms --%n%n", LocalTime.now().format(TIME), name, stopMs);
            }
        }
    }

    private static Result result(CecSimulator sim, String prefix, List<String> names, int partitions, String victim,
                                 int victimPartitions, int stopAfter, Stopper stopper) {
        List<JournalEntry> journal = sim.journal().entries();
        Instant began = stopper.began;
        Map<String, Long> polls = new TreeMap<>();
        Map<String, String> lastPollerBeforeStop = new HashMap<>();
        Instant takeover = null;
        for (JournalEntry e : journal) {
            String customer = receiver(e);
            if (e.operation() != CecOperation.POLL || customer == null || !customer.startsWith(prefix)) {
                continue;
            }
            polls.merge(String.valueOf(e.clientId()), 1L, Long::sum);
            if (began == null || e.at().isBefore(began)) {
                lastPollerBeforeStop.put(customer, e.clientId());
            } else if (takeover == null && !victim.equals(e.clientId())
                       && victim.equals(lastPollerBeforeStop.get(customer))) {
                takeover = e.at();
            }
        }
        Map<String, Long> sends = new TreeMap<>();
        Map<String, Integer> connects = new HashMap<>();
        for (JournalEntry e : journal) {
            if (e.operation() != CecOperation.SEND) {
                continue;
            }
            JsonNode body = body(e);
            String customer = body.path("from").asText();
            if (!customer.startsWith(prefix)) {
                continue;
            }
            sends.merge(String.valueOf(e.clientId()), 1L, Long::sum);
            if ("CONNECT".equals(body.path("controlType").asText())) {
                connects.merge(customer, 1, Integer::sum);
            }
        }
        int overlaps = 0;
        for (PollOverlap o : sim.overlappingPolls()) {
            if (o.receiverId() != null && o.receiverId().startsWith(prefix) && o.earlierClientId() != null
                && !o.earlierClientId().equals(o.laterClientId())) {
                overlaps++;
            }
        }
        long takeoverMs = began == null || takeover == null ? -1 : Duration.between(began, takeover).toMillis();
        return new Result(names, partitions, began == null ? null : victim, victimPartitions, stopAfter,
                stopper.stopMs, takeoverMs, polls, sends, connects.size(),
                (int) connects.values().stream().filter(n -> n > 1).count(), overlaps);
    }

    private static String receiver(JournalEntry e) {
        Matcher m = RECEIVER.matcher(e.uri() == null ? "" : e.uri());
        return m.find() ? m.group(1) : null;
    }

    private static JsonNode body(JournalEntry e) {
        try {
            return e.body() == null || e.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(e.body());
        } catch (JsonProcessingException ex) {
            return JSON.createObjectNode();
        }
    }

    /** Each partition polled by exactly one replica. */
    private static boolean everyPartitionPolledOnce(Map<String, EmbeddedBridge> running, int partitions) {
        List<Integer> all = new ArrayList<>();
        running.values().forEach(bridge -> all.addAll(bridge.polledPartitions()));
        return all.size() == partitions && new HashSet<>(all).size() == partitions;
    }

    private static void waitFor(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50); // a demo's progress wait, not a test
        }
    }
}
