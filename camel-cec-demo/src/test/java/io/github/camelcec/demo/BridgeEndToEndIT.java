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
import io.github.camelcec.demo.embedded.ScriptedAgentDesk;
import io.github.camelcec.examples.routes.CustomerMessage;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example bridge end to end against the embedded systems (CEC simulator, Kafka, GreenMail, ticket desk), once per
 * definition of routes 1 and 2. Besides the demo's own verdict, everything is checked again from the outside: the
 * simulator's journal, both Kafka topics read from the beginning, the e-mails and the tickets. Failsafe exports
 * CEC_BASE_URL, KAFKA_BROKERS, TICKET_URL, ... of unreachable systems to this JVM (see the pom): the bridge must
 * ignore them, as it would a developer's real settings.
 */
class BridgeEndToEndIT {

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
    void javaRoutesBridgeEveryMessageMailTranscriptsAndRaiseTickets() throws Exception {
        CecSimulator sim = systems.cec().simulator();
        long gatewayTokensBefore = sim.journal().count(CecOperation.TOKEN_BY_AKSK);
        long customerTokensBefore = sim.journal().count(CecOperation.APPLY_TOKEN);
        Run run = play("java", 10);
        assertThat(run.report.ok()).as(run.console).isTrue();

        Map<String, List<String>> sent = records(run.customerInTopic, run.prefix);
        Map<String, List<String>> replies = records(run.chatOutTopic, run.prefix);
        String late = run.driver.afterHoursCustomerId();
        assertThat(sent).hasSize(11).containsKey(late);
        assertThat(replies).hasSize(10).doesNotContainKey(late);

        for (String customer : replies.keySet()) {
            List<String> customerTexts = sent.get(customer);
            // every customer message reached the simulator: the agent got both questions, CEC every other record
            List<String> questions = customerTexts.subList(2, 4).stream().map(v -> CustomerMessage.parse(v).text()).toList();
            assertThat(sim.agentInbox(customer)).as(customer).containsExactlyElementsOf(questions);
            assertThat(journalCount(sim, CecOperation.SEND, "from", customer)).as(customer).isEqualTo(6); // CONNECT + 5
            assertThat(journalCount(sim, CecOperation.SAVE_SATISFACTION, "userId", customer)).as(customer).isEqualTo(1);

            // every reply exactly once and in order
            List<JsonNode> messages = new ArrayList<>();
            for (String value : replies.get(customer)) {
                messages.add(JSON.readTree(value));
            }
            Set<String> codes = new HashSet<>();
            messages.forEach(m -> assertThat(codes.add(m.path("messageCode").asText())).as("duplicate " + m).isTrue());
            assertThat(messages).extracting(m -> m.path("sourceType").asText())
                    .containsExactly("ROBOT", "ROBOT", "SYSTEM", "AGENT", "AGENT", "SYSTEM");
            String hello = CustomerMessage.parse(customerTexts.get(0)).text();
            assertThat(messages.get(1).path("content").asText()).isEqualTo("You said: " + hello);
            assertThat(messages.get(3).path("content").asText()).isEqualTo(ScriptedAgentDesk.replyTo(questions.get(0)));
            assertThat(messages.get(4).path("content").asText()).isEqualTo(ScriptedAgentDesk.replyTo(questions.get(1)));
            assertThat(messages.get(5).path("controlType").asText()).isEqualTo("DISCONNECT");

            // the transcript has every line of both directions
            String mail = transcriptFor(customer);
            for (String value : customerTexts) {
                assertThat(mail).as(customer).contains(CustomerMessage.parse(value).describe());
            }
            for (JsonNode m : messages) {
                assertThat(mail).as(customer).contains(m.path("content").asText());
            }
        }

        List<JsonNode> tickets = ticketsOf(run.prefix);
        assertThat(tickets).filteredOn(t -> t.path("reason").asText().equals("LOW_RATING"))
                .hasSize(2) // customers 2 and 7 of 10 rate 2
                .allSatisfy(t -> assertThat(t.path("rating").asInt()).isEqualTo(2));
        assertThat(tickets).filteredOn(t -> t.path("reason").asText().equals("AFTER_HOURS"))
                .singleElement()
                .satisfies(t -> assertThat(t.path("customerId").asText()).isEqualTo(late));
        assertThat(sim.journal().entries(CecOperation.LEAVE_MESSAGE)).anySatisfy(e -> {
            assertThat(e.resultCode()).isEqualTo("0");
            assertThat(e.body()).contains("My parcel never arrived.");
        });

        assertThat(run.console).contains("-> Hello, this is", "<- agent: Anna here:", "OK: every message arrived");
        // product.md §4: one gateway token per lifetime, one applyToken per customer (the bridge is new each run)
        assertThat(sim.journal().count(CecOperation.TOKEN_BY_AKSK) - gatewayTokensBefore).isEqualTo(1);
        assertThat(sim.journal().count(CecOperation.APPLY_TOKEN) - customerTokensBefore).isEqualTo(11);
    }

    @Test
    void yamlRoutesMoveMessagesBothWays() throws Exception {
        assertMessagesMoved(play("yaml", 4));
    }

    @Test
    void kameletRoutesMoveMessagesBothWays() throws Exception {
        assertMessagesMoved(play("kamelet", 4));
    }

    private void assertMessagesMoved(Run run) throws Exception {
        assertThat(run.report.ok()).as(run.console).isTrue();
        assertThat(run.report.customerMessagesAtCec()).isEqualTo(20);
        Map<String, List<String>> replies = records(run.chatOutTopic, run.prefix);
        assertThat(replies).hasSize(4).allSatisfy((customer, values) -> assertThat(values).hasSize(6));
        for (String customer : replies.keySet()) {
            assertThat(transcriptFor(customer)).contains("left the conversation", "The session has ended.");
        }
    }

    private record Run(String customerInTopic, String chatOutTopic, DemoDriver driver, DemoReport report, String prefix,
                       String console) {
    }

    /**
     * One bridge run on topics and consumer groups of its own: a run that stops may leave its last offsets
     * uncommitted, and the next run must not replay them (Kafka's at-least-once, not the bridge's business here).
     */
    private static Run play(String routes, int customers) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>(systems.bridgeProperties());
        properties.put("bridge.routes", routes);
        properties.put("kafka.topic.customer-in", "cec.customer.in." + routes);
        properties.put("kafka.topic.chat-out", "cec.chat.out." + routes);
        properties.put("kafka.group-id", "cec-bridge-" + routes);
        properties.put("kafka.transcript-group-id", "cec-bridge-transcripts-" + routes);
        // created before the first record: a producer writing to a topic Kafka creates on the fly may meet
        // OUT_OF_ORDER_SEQUENCE_NUMBER while its partitions get their leaders, and lose a customer's records
        systems.kafka().createTopics(4, properties.get("kafka.topic.customer-in"), properties.get("kafka.topic.chat-out"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        DemoDriver driver;
        DemoReport report;
        try (EmbeddedBridge bridge = EmbeddedBridge.start(properties)) {
            driver = new DemoDriver(bridge, systems, customers, out);
            report = driver.run();
        }
        out.println(report.render());
        String text = console.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        return new Run(properties.get("kafka.topic.customer-in"), properties.get("kafka.topic.chat-out"), driver, report,
                driver.customerIdPrefix(), text);
    }

    private static long journalCount(CecSimulator sim, CecOperation op, String field, String customer) {
        return sim.journal().entries(op).stream()
                .filter(e -> e.httpStatus() == 200 && "0".equals(e.resultCode()))
                .filter(e -> customer.equals(json(e.body()).path(field).asText()))
                .count();
    }

    private static String transcriptFor(String customer) throws Exception {
        for (MimeMessage m : systems.smtp().receivedMessages()) {
            if (m.getSubject() != null && m.getSubject().contains(customer)) {
                return String.valueOf(m.getContent());
            }
        }
        throw new AssertionError("no transcript e-mail for " + customer);
    }

    private static List<JsonNode> ticketsOf(String prefix) {
        return systems.ticketDesk().tickets().stream().map(BridgeEndToEndIT::json)
                .filter(t -> t.path("customerId").asText().startsWith(prefix))
                .toList();
    }

    /** Every record of the topic whose key starts with the prefix, per key, in offset order. */
    private static Map<String, List<String>> records(String topic, String prefix) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, systems.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // until two seconds pass without a record (the first poll also waits for the partitions)
            while (System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    quietSince = System.nanoTime();
                    if (r.key() != null && r.key().startsWith(prefix)) {
                        byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
                    }
                }
            }
        }
        return byKey;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
