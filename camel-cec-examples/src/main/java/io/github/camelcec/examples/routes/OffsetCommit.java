package io.github.camelcec.examples.routes;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits a record's Kafka offset once the record is done with: its message reached CEC, or it went to the
 * dead-letter topic. The consumer runs with {@code autoCommitEnable=false&allowManualCommit=true}, so a record whose
 * exchange failed is never committed, and {@code breakOnFirstError=true} reads it again.
 */
public final class OffsetCommit {

    private OffsetCommit() {
    }

    public static void commit(Exchange exchange) {
        KafkaManualCommit manual
                = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (manual != null) {
            manual.commit();
        }
    }
}
