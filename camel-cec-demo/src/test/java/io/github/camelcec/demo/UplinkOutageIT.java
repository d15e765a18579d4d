package io.github.camelcec.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcec.demo.embedded.EmbeddedSystems;
import io.github.camelcec.examples.routes.BridgeHeaders;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.JournalEntry;
import io.github.camelcec.simulator.OutageKind;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bridge's uplink (Kafka {@code cec.customer.in} → {@code cec:send}) while CEC is down: the simulator answers 503
 * and resets the connection, alternately, on every send for 20 s while 20 customers write 5 messages each. Afterwards
 * every message reached CEC, in order per customer. Before the outage, CEC is made slow for a moment (its answer comes
 * after the bridge's response timeout, though CEC processed the send): each such lost answer is one duplicate, since
 * CEC has no idempotency key. Each customer's first message goes through before the faults, the second meets the slow
 * CEC and then the outage, the third to fifth are written during the outage. Permanent failures go to the
 * dead-letter topic with the reason in headers.
 */
class UplinkOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CUSTOMERS = 20;
    private static final int MESSAGES = 5;
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    /** The bridge's response timeout here. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);
    /**
     * How late CEC answers while the answers are lost: past the response timeout by more than the second in which
     * HttpClient's I/O reactor checks timeouts, so that the bridge has surely given up.
     */
    private static final Duration LATE = Duration.ofSeconds(4);
    private static final int LOST_ANSWERS = 2;

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
    void everyCustomerMessageReachesCecInOrderThroughAnOutage() throws Exception {
        long started = System.nanoTime();
        CecSimulator sim = systems.cec().simulator();
        Map<String, String> properties = bridgeProperties("outage");
        properties.put("camel.component.cec.response-timeout", String.valueOf(RESPONSE_TIMEOUT.toMillis()));
        String prefix = "out" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> customers = new ArrayList<>();
        for (int c = 1; c <= CUSTOMERS; c++) {
            customers.add(prefix + String.format("%02d", c));
        }

        long outageEndsAt;
        try (EmbeddedBridge bridge = EmbeddedBridge.start(properties);
             KafkaProducer<String, String> producer = producer()) {
            String topic = properties.get("kafka.topic.customer-in");
            writeRound(producer, topic, customers, 1);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> customers.stream().allMatch(c -> accepted(sim, c, "CHAT").size() == 1));
            // CEC processes each send but answers after the bridge gave up, until a few answers were lost
            sim.faults().on(CecOperation.SEND).latency(LATE);
            writeRound(producer, topic, customers, 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> lostAnswers(sim, prefix) >= LOST_ANSWERS);
            sim.faults().on(CecOperation.SEND).latency(Duration.ZERO).outage(OUTAGE, OutageKind.ALTERNATE);
            outageEndsAt = System.nanoTime() + OUTAGE.toNanos();
            // the customers go on writing while CEC keeps refusing
            for (int m = 3; m <= MESSAGES; m++) {
                long failedBefore = failedSends(sim, prefix);
                await().atMost(OUTAGE).until(() -> failedSends(sim, prefix) >= failedBefore + 2);
                writeRound(producer, topic, customers, m);
            }
            assertThat(System.nanoTime()).as("messages 3 to 5 were written during the outage").isLessThan(outageEndsAt);

            await().atMost(OUTAGE.plusSeconds(25)).pollInterval(Duration.ofMillis(250))
                    .until(() -> customers.stream()
                            .allMatch(c -> distinct(accepted(sim, c, "CHAT")).size() == MESSAGES));
        }

        List<JournalEntry> sends = sends(sim, prefix);
        long refused = sends.stream().filter(e -> e.httpStatus() == 503).count();
        long reset = sends.stream().filter(e -> e.httpStatus() == 0).count();
        assertThat(refused).as("sends answered 503").isPositive();
        assertThat(reset).as("sends reset").isPositive();

        int reached = 0;
        int chatDuplicates = 0;
        int connectDuplicates = 0;
        for (String customer : customers) {
            List<String> chats = accepted(sim, customer, "CHAT");
            // in order: each message once, or repeated in place when its answer was lost, never after a later one
            assertThat(collapseRepeats(chats)).as(customer).containsExactlyElementsOf(texts(customer));
            reached += chats.size();
            chatDuplicates += chats.size() - MESSAGES;
            connectDuplicates += accepted(sim, customer, "CONNECT").size() - 1;
        }
        long lost = lostAnswers(sim, prefix);
        // CEC has no idempotency key: every send CEC processed but whose answer the bridge never got is sent again
        assertThat(chatDuplicates + connectDuplicates).as("duplicates").isEqualTo(lost);
        assertThat(lost).isGreaterThanOrEqualTo(LOST_ANSWERS);
        assertThat(deadLetters(properties.get("kafka.topic.customer-dead"), 0)).as("dead letters").isEmpty();

        System.out.printf("%nUplink through a %d s CEC outage (503 and resets alternately on every send):%n"
                          + "  messages sent     %d (%d customers x %d; 3 to 5 written during the outage)%n"
                          + "  reached CEC       %d of %d distinct, in order per customer; %d sends in all, %d answered"
                          + " 503, %d reset%n"
                          + "  duplicates        %d messages + %d CONNECTs, from %d answers lost (CEC processed the"
                          + " send, answered after %d s, the bridge had given up after %d s)%n"
                          + "  dead letters      0%n"
                          + "  run time          %.1f s%n%n",
                OUTAGE.toSeconds(), CUSTOMERS * MESSAGES, CUSTOMERS, MESSAGES,
                reached - chatDuplicates, CUSTOMERS * MESSAGES, sends.size(), refused, reset,
                chatDuplicates, connectDuplicates, lost, LATE.toSeconds(), RESPONSE_TIMEOUT.toSeconds(),
                (System.nanoTime() - started) / 1e9);
    }

    /** Each definition of route 1: a blip of 503s is redelivered, what CEC can never take is dead-lettered. */
    @ParameterizedTest
    @ValueSource(strings = {"java", "yaml", "kamelet"})
    void permanentFailuresGoToTheDeadLetterTopicWithTheReason(String routes) throws Exception {
        CecSimulator sim = systems.cec().simulator();
        Map<String, String> properties = bridgeProperties("dead-" + routes);
        properties.put("bridge.routes", routes);
        String refused = routes + UUID.randomUUID().toString().substring(0, 6);
        String invalid = "x".repeat(33);
        String after = "after-" + refused;
        try (EmbeddedBridge bridge = EmbeddedBridge.start(properties);
             KafkaProducer<String, String> producer = producer()) {
            String topic = properties.get("kafka.topic.customer-in");
            sim.faults().on(CecOperation.SEND).resultCodeNext(1, "13");
            producer.send(new ProducerRecord<>(topic, refused, "{\"name\":\"Refused\",\"text\":\"hello\"}")).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> !sends(sim, refused).isEmpty());
            producer.send(new ProducerRecord<>(topic, invalid, "too long an id")).get();
            // the customers after them are not held up, and CEC refusing twice is only a delay
            sim.faults().on(CecOperation.SEND).failNext(2, 503);
            producer.send(new ProducerRecord<>(topic, after, "still here")).get();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> accepted(sim, after, "CHAT").contains("still here"));
        }

        Map<String, ConsumerRecord<String, String>> dead = new LinkedHashMap<>();
        deadLetters(properties.get("kafka.topic.customer-dead"), 2).forEach(r -> dead.put(r.key(), r));
        assertThat(dead).containsOnlyKeys(refused, invalid);
        // the record as the customer wrote it, with the reason
        assertThat(dead.get(refused).value()).isEqualTo("{\"name\":\"Refused\",\"text\":\"hello\"}");
        assertThat(header(dead.get(refused), BridgeHeaders.FAILURE_TYPE)).isEqualTo("CecBusinessException");
        assertThat(header(dead.get(refused), BridgeHeaders.FAILURE_RESULT_CODE)).isEqualTo("13");
        assertThat(header(dead.get(refused), BridgeHeaders.FAILURE_OPERATION)).isEqualTo("send");
        assertThat(header(dead.get(refused), BridgeHeaders.FAILURE)).contains("resultCode=13");
        assertThat(dead.get(invalid).value()).isEqualTo("too long an id");
        assertThat(header(dead.get(invalid), BridgeHeaders.FAILURE_TYPE)).isEqualTo("CecValidationException");
        assertThat(header(dead.get(invalid), BridgeHeaders.FAILURE_FIELD)).isEqualTo("from");
        assertThat(header(dead.get(invalid), BridgeHeaders.FAILURE)).contains("must be 1 to 32 characters");
        // tried once each: nothing permanent is redelivered; the 503s were
        assertThat(sends(sim, refused)).extracting(JournalEntry::resultCode).containsExactly("13");
        assertThat(sends(sim, invalid)).isEmpty();
        assertThat(sends(sim, after)).extracting(JournalEntry::httpStatus).startsWith(503, 503, 200);
    }

    /** The bridge on topics and a consumer group of its own, with short redelivery delays. */
    private static Map<String, String> bridgeProperties(String run) {
        Map<String, String> p = new LinkedHashMap<>(systems.bridgeProperties());
        p.put("bridge.routes", "java");
        p.put("kafka.topic.customer-in", "cec.customer.in." + run);
        p.put("kafka.topic.chat-out", "cec.chat.out." + run);
        p.put("kafka.topic.customer-dead", "cec.customer.dead." + run);
        p.put("kafka.group-id", "cec-bridge-" + run);
        p.put("kafka.transcript-group-id", "cec-bridge-transcripts-" + run);
        p.put("cec.poll-delay", "1000");
        // 0.2, 0.4, 0.8, 1.6, 2, 2 s: used up within the outage, so the record is also read from Kafka again
        p.put("bridge.redelivery.delay-ms", "200");
        p.put("bridge.redelivery.maximum-delay-ms", "2000");
        p.put("bridge.redelivery.maximum-redeliveries", "6");
        systems.kafka().createTopics(4, p.get("kafka.topic.customer-in"), p.get("kafka.topic.chat-out"),
                p.get("kafka.topic.customer-dead"));
        return p;
    }

    private static void writeRound(KafkaProducer<String, String> producer, String topic, List<String> customers,
                                   int message) throws Exception {
        for (String customer : customers) {
            producer.send(new ProducerRecord<>(topic, customer, texts(customer).get(message - 1))).get();
        }
    }

    private static List<String> texts(String customer) {
        List<String> texts = new ArrayList<>();
        for (int m = 1; m <= MESSAGES; m++) {
            texts.add(customer + " message " + m);
        }
        return texts;
    }

    /** Every send the simulator saw from customers whose id starts with the prefix, in order. */
    private static List<JournalEntry> sends(CecSimulator sim, String prefix) {
        return sim.journal().entries(CecOperation.SEND).stream()
                .filter(e -> json(e.body()).path("from").asText().startsWith(prefix))
                .toList();
    }

    /** The contents of the customer's sends of this control type that CEC processed, in order. */
    private static List<String> accepted(CecSimulator sim, String customer, String controlType) {
        return sim.journal().entries(CecOperation.SEND).stream()
                .filter(e -> e.httpStatus() == 200 && "0".equals(e.resultCode()))
                .map(e -> json(e.body()))
                .filter(b -> customer.equals(b.path("from").asText()))
                .filter(b -> controlType.equals(b.path("controlType").asText()))
                .map(b -> b.path("content").asText())
                .toList();
    }

    /** Sends refused (503) or reset. */
    private static long failedSends(CecSimulator sim, String prefix) {
        return sends(sim, prefix).stream().filter(e -> e.httpStatus() == 503 || e.httpStatus() == 0).count();
    }

    /** Sends CEC processed and answered after the bridge's response timeout: the bridge never saw the answer. */
    private static long lostAnswers(CecSimulator sim, String prefix) {
        return sends(sim, prefix).stream()
                .filter(e -> e.httpStatus() == 200 && "0".equals(e.resultCode()))
                .filter(e -> e.duration().compareTo(LATE) >= 0)
                .count();
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().distinct().toList();
    }

    private static List<String> collapseRepeats(List<String> values) {
        List<String> collapsed = new ArrayList<>();
        for (String v : values) {
            if (collapsed.isEmpty() || !collapsed.get(collapsed.size() - 1).equals(v)) {
                collapsed.add(v);
            }
        }
        return collapsed;
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, systems.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** What is on the dead-letter topic: reads until it has the expected records and 2 s passed without another. */
    private static List<ConsumerRecord<String, String>> deadLetters(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, systems.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((records.size() < expected || System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos())
                   && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    quietSince = System.nanoTime();
                    records.add(r);
                }
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
