package io.github.camelcec.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcec.demo.embedded.EmbeddedSystems;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.PollOverlap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example bridge as two replicas (product.md §4) on the embedded systems: one state database, one file-lock cluster
 * folder, one Kafka consumer group. The replica that polls the customers stops midway through their conversations; the
 * other takes over. Checked from the outside: every customer's replies on {@code cec.chat.out} exactly once (by
 * messageCode) and in order, one CONNECT per customer whichever replica sent their records, and never two polls of
 * one customer at once from the two replicas (the simulator's overlap detector, which tells them apart by clientId).
 */
class BridgeReplicasIT {

    private static final int CUSTOMERS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedSystems systems;

    @BeforeAll
    static void startSystems() {
        systems = EmbeddedSystems.start();
    }

    @AfterAll
    static void stopSystems() {
        if (systems != null) {
            systems.close();
        }
    }

    @Test
    void twoReplicasDeliverEveryReplyOnceAndInOrderWhileOneStops() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        ReplicasAct.Outcome outcome = ReplicasAct.play(systems, new LinkedHashMap<>(systems.bridgeProperties()), 2,
                CUSTOMERS, out);
        out.println(outcome.report().render());
        out.println(outcome.replicas().render());
        String text = console.toString(StandardCharsets.UTF_8);
        System.out.println(text);

        DemoReport report = outcome.report();
        ReplicasAct.Result replicas = outcome.replicas();
        assertThat(report.failures()).as(text).isEmpty();
        assertThat(report.repliesReceived()).as(text).isEqualTo(report.repliesExpected());
        assertThat(report.repliesInOrder()).as(text).isEqualTo(report.repliesExpected());
        assertThat(report.duplicates()).as("a graceful stop redelivers nothing").isZero();
        // uplink: at least once. A record whose offset commit had not landed when its replica left the consumer group
        // is read again by the survivor and sent again (CEC has no idempotency key; docs/examples.md)
        assertThat(report.customerMessagesAtCec()).as(text).isGreaterThanOrEqualTo(report.customerMessagesSent());

        assertThat(replicas.stopped()).as(text).isNotNull();
        assertThat(replicas.takeoverMs()).as("the survivor polled the stopped replica's customers").isNotNegative();
        assertThat(replicas.pollsByReplica()).containsOnlyKeys("bridge-1", "bridge-2");
        // the customers' records went through both replicas (Kafka moved the stopped one's partitions)
        assertThat(replicas.sendsByReplica()).containsKeys(replicas.stopped());
        assertThat(replicas.customersConnected()).isEqualTo(CUSTOMERS + 1);
        assertThat(replicas.connectedTwice()).as("customers CONNECTed twice").isZero();
        CecSimulator sim = systems.cec().simulator();
        List<PollOverlap> overlaps = sim.overlappingPolls().stream()
                .filter(o -> o.earlierClientId() != null && !o.earlierClientId().equals(o.laterClientId()))
                .toList();
        assertThat(overlaps).as("polls of one customer in flight from both replicas at once").isEmpty();
        assertThat(outcome.ok()).as(text).isTrue();

        // and once more from Kafka itself: each customer's replies, read from the start of the topic
        Map<String, List<JsonNode>> replies = replies(report.repliesExpected());
        assertThat(replies).hasSize(CUSTOMERS);
        replies.forEach((customer, messages) -> {
            Set<String> codes = new HashSet<>();
            messages.forEach(m -> assertThat(codes.add(m.path("messageCode").asText())).as("duplicate " + m).isTrue());
            assertThat(messages).as(customer).extracting(m -> m.path("sourceType").asText())
                    .containsExactly("ROBOT", "ROBOT", "SYSTEM", "AGENT", "AGENT", "SYSTEM");
        });
    }

    /** The records of {@code cec.chat.out} per customer of this run, in offset order, once all expected are in. */
    private static Map<String, List<JsonNode>> replies(int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, systems.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
        List<Integer> count = new ArrayList<>(List.of(0));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(EmbeddedSystems.TOPICS.get(1)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null) {
                        byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(JSON.readTree(r.value()));
                        count.set(0, count.get(0) + 1);
                    }
                }
                return count.get(0) >= expected;
            });
        }
        return byKey;
    }
}
