package io.github.camelcec.examples.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real one-node Kafka (KRaft, broker and controller combined) in this JVM, on random loopback ports. */
public final class EmbeddedKafka implements AutoCloseable {

    private static final int PARTITIONS = 4;

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static EmbeddedKafka start(List<String> topics) {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    // one broker: the internal topics cannot have three replicas
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            formatQuietly(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
            EmbeddedKafka kafka = new EmbeddedKafka(cluster);
            kafka.createTopics(topics);
            return kafka;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded Kafka: " + e.getMessage(), e);
        }
    }

    /** Kafka's storage format prints its bootstrap records to System.out; the demo's console is for conversations. */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            cluster.format();
        } finally {
            System.setOut(console);
        }
    }

    private void createTopics(List<String> topics) throws InterruptedException, ExecutionException {
        try (Admin admin = cluster.admin(Map.of())) {
            List<NewTopic> newTopics = topics.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList();
            try {
                admin.createTopics(newTopics).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
