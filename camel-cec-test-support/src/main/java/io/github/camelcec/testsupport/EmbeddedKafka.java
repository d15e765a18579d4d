package io.github.camelcec.testsupport;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real one-node Kafka (KRaft, broker and controller combined) in this JVM, on random loopback ports: no Docker, no
 * Kafka install. The tests, the demo and the benchmarks all start it this way.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Starts the broker and returns once it accepts clients. */
    public static EmbeddedKafka start() {
        KafkaClusterTestKit cluster = null;
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    // one broker: the internal topics cannot have three replicas
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    // a consumer group forms at once instead of after the default 3 s
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            formatQuietly(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAfterFailure(cluster, e);
            throw new IllegalStateException("Interrupted while starting the embedded Kafka", e);
        } catch (Exception e) {
            closeAfterFailure(cluster, e);
            throw new IllegalStateException("Cannot start the embedded Kafka: " + e.getMessage(), e);
        }
    }

    /** Kafka's storage format prints its bootstrap records to System.out; a demo's console is for its own output. */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            cluster.format();
        } finally {
            System.setOut(console);
        }
    }

    private static void closeAfterFailure(KafkaClusterTestKit cluster, Exception failure) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Creates the topics with this many partitions (replication factor 1); a topic that exists already is left as
     * it is. Without this, a topic is created on first use with one partition.
     */
    public EmbeddedKafka createTopics(int partitions, String... topics) {
        try (Admin admin = cluster.admin(Map.of())) {
            admin.createTopics(Arrays.stream(topics).map(t -> new NewTopic(t, partitions, (short) 1)).toList())
                    .all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the topics " + Arrays.toString(topics) + ": "
                                                + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the topics " + Arrays.toString(topics), e);
        }
        return this;
    }

    /** The {@code bootstrap.servers} value for clients, {@code host:port}. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
