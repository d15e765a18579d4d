package io.github.camelcec.component.cluster;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Splits customers into {@code count} partitions, each led by one replica through a cluster namespace of its own
 * (product.md §4). A customer's partition is {@code floorMod(crc32(utf8(userId)), count)}: CRC-32 is fixed by its
 * standard, so every JVM and every version of the component puts a customer in the same partition — a rolling deploy
 * never has two versions disagree about who polls whom.
 */
public final class CustomerPartitions {

    private final int count;
    private final String namespacePrefix;

    /**
     * @param count           how many partitions (1 or more); every replica must use the same count
     * @param namespacePrefix the cluster namespace of partition {@code i} is {@code namespacePrefix + "-" + i}
     */
    public CustomerPartitions(int count, String namespacePrefix) {
        if (count < 1) {
            throw new IllegalArgumentException("partitions must be 1 or more, but was " + count);
        }
        this.count = count;
        this.namespacePrefix = namespacePrefix;
    }

    /** The partition of {@code userId}, from 0 to {@link #count()} - 1. */
    public int partitionOf(String userId) {
        CRC32 crc = new CRC32();
        crc.update(userId.getBytes(StandardCharsets.UTF_8));
        return (int) Math.floorMod(crc.getValue(), (long) count);
    }

    public int count() {
        return count;
    }

    /** The cluster namespace whose leader polls the customers of {@code partition}. */
    public String namespace(int partition) {
        return namespacePrefix + "-" + partition;
    }
}
