package io.github.camelcec.benchmarks;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one contender at a fixed rate (an open loop): a pacer thread hands request {@code n} to a pool of sender
 * threads at {@code start + n / rate}, whether or not earlier ones have answered, so every contender does the same
 * work per second and the figure is the CPU it took. The pool is the same for every contender.
 */
final class PacedLoad implements AutoCloseable {

    /** Messages completed and CPU used over the measured window; {@code backlog} = requests not yet started at its end. */
    record Window(String name, long completed, long failures, double seconds, long backlog, ProcessMeter.Sample cpu) {

        double perSecond() {
            return completed / seconds;
        }

        double cpuMicrosPerMessage() {
            return cpu.cpuMicrosPer(completed);
        }
    }

    private final ThreadPoolExecutor senders;

    PacedLoad(int threads) {
        senders = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "paced-sender");
                    t.setDaemon(true);
                    return t;
                });
        senders.prestartAllCoreThreads();
    }

    /** {@code rate} requests per second for {@code warmupMillis} + {@code measureMillis}; counts only the window. */
    Window run(String name, int rate, long warmupMillis, long measureMillis, ClosedLoop.Request request,
               ProcessMeter meter) throws InterruptedException {
        AtomicLong completed = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong lastError = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmupMillis * 1_000_000L;
        long end = measureFrom + measureMillis * 1_000_000L;
        long issued = 0;
        boolean measuring = false;
        long completedAtStart = 0;
        long failuresAtStart = 0;
        long windowStart = 0;
        while (true) {
            long now = System.nanoTime();
            if (!measuring && now >= measureFrom) {
                measuring = true;
                completedAtStart = completed.get();
                failuresAtStart = failures.get();
                windowStart = now;
                meter.start();
            }
            if (now >= end) {
                break;
            }
            long due = (now - start) * rate / 1_000_000_000L;
            for (; issued < due; issued++) {
                long n = issued;
                senders.execute(() -> {
                    try {
                        if (request.call((int) (n / SendBenchmark.CUSTOMERS_PER_SENDER % SendBenchmark.CONCURRENCY), n)) {
                            completed.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        if (System.nanoTime() - lastError.get() > 5_000_000_000L) {
                            lastError.set(System.nanoTime());
                            System.out.println("  " + name + ": " + e);
                        }
                    }
                });
            }
            LockSupport.parkNanos(500_000);
        }
        ProcessMeter.Sample cpu = meter.stop();
        long done = completed.get() - completedAtStart;
        long failed = failures.get() - failuresAtStart;
        long backlog = senders.getQueue().size();
        double seconds = (System.nanoTime() - windowStart) / 1e9;
        // let what is in flight finish before the next contender starts
        long until = System.nanoTime() + 30_000_000_000L;
        while ((senders.getActiveCount() > 0 || !senders.getQueue().isEmpty()) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        return new Window(name, done, failed, seconds, backlog, cpu);
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
