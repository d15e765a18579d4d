package io.github.camelcec.component.consumer;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one consumer's poll engine did, counted where it happens: polls started and failed, flow-control pauses,
 * deliveries completed and failed (each failure is a redelivery later), and the poll rate of the last tick.
 */
public final class ConsumerMetrics {

    private final LongAdder polls = new LongAdder();
    private final LongAdder pollFailures = new LongAdder();
    private final LongAdder flowControlPauses = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder redeliveries = new LongAdder();
    private volatile double pollRate;
    /** Touched by the tick thread only. */
    private long lastTickAt;
    private long pollsAtLastTick;

    void pollStarted() {
        polls.increment();
    }

    void pollFailed() {
        pollFailures.increment();
    }

    void flowControlPaused() {
        flowControlPauses.increment();
    }

    void messageDelivered() {
        delivered.increment();
    }

    void deliveryFailed() {
        redeliveries.increment();
    }

    /** A tick at {@code now}: the rate is the polls started since the previous tick per second. */
    void ticked(long now) {
        long started = polls.sum();
        if (lastTickAt > 0 && now > lastTickAt) {
            pollRate = (started - pollsAtLastTick) * 1000.0 / (now - lastTickAt);
        }
        lastTickAt = now;
        pollsAtLastTick = started;
    }

    public long polls() {
        return polls.sum();
    }

    public long pollFailures() {
        return pollFailures.sum();
    }

    /** Polls started per second between the last two ticks. */
    public double pollRate() {
        return pollRate;
    }

    public long flowControlPauses() {
        return flowControlPauses.sum();
    }

    public long delivered() {
        return delivered.sum();
    }

    public long redeliveries() {
        return redeliveries.sum();
    }
}
