package io.github.camelcec.benchmarks;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The raw client's poll loop over N customers whose tokens it holds, {@code maxInFlight} polls at a time: paced (one
 * poll per customer per second, the job {@code cec:poll?delay=1000} does) or unpaced (its best).
 */
final class RawPoller implements AutoCloseable {

    private final RawCecClient raw;
    private final String prefix;
    private final String[] tokens;
    private final Semaphore permits;
    private final int maxInFlight;
    private final LongAdder done = new LongAdder();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread driver;

    RawPoller(RawCecClient raw, String prefix, String[] tokens, int maxInFlight) {
        this.raw = raw;
        this.prefix = prefix;
        this.tokens = tokens;
        this.maxInFlight = maxInFlight;
        this.permits = new Semaphore(maxInFlight);
    }

    /** Polls answered 200 so far. */
    long polls() {
        return done.sum();
    }

    void start(boolean paced) {
        running.set(true);
        driver = new Thread(() -> {
            long tick = System.nanoTime();
            try {
                while (running.get()) {
                    for (int i = 0; i < tokens.length && running.get(); i++) {
                        permits.acquire();
                        raw.poll(prefix + i, tokens[i]).whenComplete((body, error) -> {
                            permits.release();
                            if (error == null) {
                                done.increment();
                            }
                        });
                    }
                    if (paced) {
                        tick += 1_000_000_000L;
                        long wait = tick - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "raw-poller");
        driver.setDaemon(true);
        driver.start();
    }

    /** Stops starting polls and waits for those in flight. */
    void stop() throws InterruptedException {
        running.set(false);
        if (driver != null) {
            driver.interrupt();
            driver.join(5000);
            driver = null;
        }
        permits.acquire(maxInFlight);
        permits.release(maxInFlight);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
