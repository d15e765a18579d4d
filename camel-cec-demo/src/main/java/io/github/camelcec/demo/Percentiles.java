package io.github.camelcec.demo;

import java.util.Collection;

/** Nearest-rank percentiles of a set of latencies in milliseconds. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(Collection<Long> values) {
        this.sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    int count() {
        return sorted.length;
    }

    /** The smallest value at or above p percent of all; -1 when there are none. */
    long at(double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
