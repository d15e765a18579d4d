package io.github.camelcec.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one contender with {@code concurrency} threads, each sending its next request when the previous one answered
 * (a closed loop: the same concurrency for every contender). Counts and times only the measured window.
 */
public final class ClosedLoop {

    /** One blocking request by sender {@code sender}, its {@code n}-th; true when it succeeded. */
    @FunctionalInterface
    public interface Request {
        boolean call(int sender, long n) throws Exception;
    }

    /** Requests per second, latency percentiles in ms, failures, and this JVM's CPU while measuring. */
    public record Outcome(String name, double perSecond, double p50, double p99, long failures,
                          ProcessMeter.Sample cpu) {
    }

    private ClosedLoop() {
    }

    public static Outcome run(String name, int concurrency, int warmupSeconds, int measureSeconds, Request request,
                              ProcessMeter meter) throws InterruptedException {
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + measureSeconds * 1_000_000_000L;
        AtomicLong done = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong lastError = new AtomicLong();
        List<Latencies> latencies = new ArrayList<>();
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int s = 0; s < concurrency; s++) {
            int sender = s;
            Latencies mine = new Latencies();
            latencies.add(mine);
            Thread t = new Thread(() -> {
                long n = 0;
                try {
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            return;
                        }
                        boolean ok;
                        try {
                            ok = request.call(sender, n++);
                        } catch (Exception e) {
                            ok = false;
                            if (System.nanoTime() - lastError.get() > 5_000_000_000L) {
                                lastError.set(System.nanoTime());
                                System.out.println("  " + name + ": " + e);
                            }
                        }
                        long stop = System.nanoTime();
                        if (start >= warmupEnd && stop <= end) {
                            if (ok) {
                                done.incrementAndGet();
                                mine.record(stop - start);
                            } else {
                                failures.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, name + "-sender-" + s);
            t.setDaemon(true);
            t.start();
        }
        Thread.sleep(Math.max(0, (warmupEnd - System.nanoTime()) / 1_000_000));
        meter.start();
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        ProcessMeter.Sample cpu = meter.stop();
        finished.await();
        Latencies all = Latencies.merge(latencies);
        return new Outcome(name, done.get() / (double) measureSeconds, all.percentileMillis(0.50),
                all.percentileMillis(0.99), failures.get(), cpu);
    }
}
