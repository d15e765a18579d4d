package io.github.camelcec.component.cluster;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerPartitionsTest {

    /** Replicas of different versions must agree during a rolling deploy: these values may never change. */
    @Test
    void aCustomersPartitionIsFixedAcrossJvmsAndVersions() {
        CustomerPartitions sixteen = new CustomerPartitions(16, "cec-ch");
        assertThat(sixteen.partitionOf("customer-1")).isEqualTo(13);
        assertThat(sixteen.partitionOf("c1")).isEqualTo(1);
        assertThat(sixteen.partitionOf("王小明")).as("UTF-8, not the platform charset").isEqualTo(3);
        assertThat(new CustomerPartitions(3, "cec-ch").partitionOf("c1")).isEqualTo(2);
    }

    @Test
    void customersSpreadOverEveryPartition() {
        CustomerPartitions partitions = new CustomerPartitions(16, "cec-ch");
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < 16_000; i++) {
            counts.merge(partitions.partitionOf("user" + i), 1, Integer::sum);
        }
        assertThat(counts).hasSize(16);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(800, 1200));
    }

    @Test
    void eachPartitionIsANamespaceOfItsOwn() {
        CustomerPartitions partitions = new CustomerPartitions(4, "cec-ch1");
        assertThat(partitions.namespace(0)).isEqualTo("cec-ch1-0");
        assertThat(partitions.namespace(3)).isEqualTo("cec-ch1-3");
    }

    @Test
    void noPartitionsIsRefused() {
        assertThatThrownBy(() -> new CustomerPartitions(0, "x")).hasMessageContaining("partitions")
                .hasMessageContaining("0");
    }
}
