package io.github.camelcec.benchmarks;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** One combined broker/controller on random loopback ports, as the component's PollToKafkaIT starts it. */
final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit kafka;

    private EmbeddedKafka(KafkaClusterTestKit kafka) {
        this.kafka = kafka;
    }

    static EmbeddedKafka start() throws Exception {
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        return new EmbeddedKafka(kafka);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        kafka.close();
    }
}
