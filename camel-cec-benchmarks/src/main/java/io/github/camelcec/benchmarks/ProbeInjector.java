package io.github.camelcec.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * Sends agent messages ("probe-&lt;n&gt;") to random customers at a steady rate through the simulator's agent desk and
 * remembers when; {@link #received} turns a delivered probe into an agent-message → route latency.
 */
final class ProbeInjector implements AutoCloseable {

    private final SimulatorHandle sim;
    private final int customers;
    private final IntFunction<String> userId;
    private final int perSecond;
    private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private volatile boolean recording;
    private volatile boolean running = true;
    private Thread thread;
    private long sent;

    ProbeInjector(SimulatorHandle sim, int customers, IntFunction<String> userId, int perSecond) {
        this.sim = sim;
        this.customers = customers;
        this.userId = userId;
        this.perSecond = perSecond;
    }

    ProbeInjector start() {
        thread = new Thread(() -> {
            long id = 0;
            long interval = 1_000_000_000L / perSecond;
            long next = System.nanoTime();
            while (running) {
                long now = System.nanoTime();
                if (now < next) {
                    try {
                        Thread.sleep((next - now) / 1_000_000, (int) ((next - now) % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                next += interval;
                long probe = id++;
                sentAt.put(probe, System.nanoTime());
                try {
                    sim.sendAgentMessage(userId.apply(ThreadLocalRandom.current().nextInt(customers)), "probe-" + probe);
                    sent++;
                } catch (RuntimeException e) {
                    sentAt.remove(probe);
                }
            }
        }, "probe-injector");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Only probes delivered while recording count (after the warm-up). */
    void recording(boolean on) {
        recording = on;
    }

    /** A message reached the route (or the Kafka topic); its content may be a probe. */
    void received(String content) {
        if (content == null || !content.startsWith("probe-")) {
            return;
        }
        Long at = sentAt.remove(Long.parseLong(content.substring("probe-".length())));
        if (at != null && recording) {
            latencies.recordShared(System.nanoTime() - at);
        }
    }

    Latencies latencies() {
        return latencies;
    }

    long sent() {
        return sent;
    }

    int outstanding() {
        return sentAt.size();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(5000);
        }
    }
}
