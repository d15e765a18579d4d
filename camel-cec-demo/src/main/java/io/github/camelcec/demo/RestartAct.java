package io.github.camelcec.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.camelcec.demo.embedded.EmbeddedSystems;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * product.md §4 shown: customers write, the bridge stops, the agents answer while it is down, and a new bridge on the
 * same state database delivers the answers to Kafka — without the customers writing again (the sessions came back
 * from the database, so they are polled at once).
 */
final class RestartAct {

    static final String ANSWER = "answered while the bridge was down";
    private static final List<String> CUSTOMERS = List.of("restart-1", "restart-2", "restart-3");
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** What the act showed. */
    record Result(int customers, int answersAfterRestart) {
        boolean ok() {
            return answersAfterRestart == customers;
        }

        String render() {
            return String.format("%-17s %d of %d answers written while the bridge was down reached Kafka after it "
                                 + "restarted on the same state database", "restart", answersAfterRestart, customers);
        }
    }

    private RestartAct() {
    }

    static Result play(EmbeddedSystems systems, Map<String, String> bridgeProperties, PrintStream out)
            throws Exception {
        Set<String> greeted = ConcurrentHashMap.newKeySet();
        Set<String> answered = ConcurrentHashMap.newKeySet();
        out.println();
        out.println("Restart: " + CUSTOMERS.size() + " customers write, the bridge stops, the agents answer, a new "
                    + "bridge starts on the same state database");
        try (ChatOutListener listener = new ChatOutListener(systems.kafka().bootstrapServers(), "cec.chat.out",
                "demo-restart-" + System.nanoTime(), "restart-", reply -> {
                    greeted.add(reply.customerId());
                    if (ANSWER.equals(reply.content())) {
                        answered.add(reply.customerId());
                    }
                })) {
            try (EmbeddedBridge bridge = EmbeddedBridge.start(bridgeProperties);
                 KafkaProducer<String, String> producer = producer(systems)) {
                for (String customer : CUSTOMERS) {
                    producer.send(new ProducerRecord<>(bridge.property("kafka.topic.customer-in"), customer,
                            "hello, is anyone there?")).get(10, TimeUnit.SECONDS);
                }
                waitFor(() -> greeted.size() == CUSTOMERS.size());
            }
            out.println("  the bridge stopped; the agents answer " + CUSTOMERS);
            for (String customer : CUSTOMERS) {
                systems.cec().simulator().sendAgentMessage(customer, ANSWER);
            }
            try (EmbeddedBridge bridge = EmbeddedBridge.start(bridgeProperties)) {
                out.println("  a new bridge started");
                waitFor(() -> answered.size() == CUSTOMERS.size());
            }
        }
        return new Result(CUSTOMERS.size(), answered.size());
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50); // a demo's progress wait, not a test
        }
    }

    private static KafkaProducer<String, String> producer(EmbeddedSystems systems) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, systems.kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
