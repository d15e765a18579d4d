package io.github.camelcec.benchmarks;

import java.util.Arrays;

/** Latency samples in nanoseconds; one instance per recording thread, merged at the end (no contention). */
public final class Latencies {

    private long[] samples = new long[1 << 14];
    private int size;

    public void record(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    public synchronized void recordShared(long nanos) {
        record(nanos);
    }

    public int count() {
        return size;
    }

    public static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies p : parts) {
            for (int i = 0; i < p.size; i++) {
                all.record(p.samples[i]);
            }
        }
        return all;
    }

    /** The q-quantile (0..1) in milliseconds; NaN without samples. */
    public double percentileMillis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(q * size) - 1));
        return sorted[index] / 1e6;
    }
}
