package io.github.camelcec.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Faults to inject, per operation or for all of them. They are evaluated before normal handling, in this order:
 * outage window, reset, HTTP failure, flow control; the operation's own faults first, then those of {@link #all()}.
 * Outage windows run on the simulator's clock.
 */
public final class FaultInjector {

    private final Map<CecOperation, OperationFaults> byOperation = new EnumMap<>(CecOperation.class);
    private final OperationFaults all = new OperationFaults(this);
    private final Clock clock;
    private Random random = new Random();

    FaultInjector(Clock clock) {
        this.clock = clock;
        for (CecOperation op : CecOperation.values()) {
            byOperation.put(op, new OperationFaults(this));
        }
    }

    public OperationFaults on(CecOperation op) {
        return byOperation.get(op);
    }

    /** Faults that apply to every operation, in addition to each operation's own. */
    public OperationFaults all() {
        return all;
    }

    /** Makes the rate-based faults reproducible. */
    public synchronized void seed(long seed) {
        random = new Random(seed);
    }

    /** Disarms every fault. */
    public void clear() {
        byOperation.values().forEach(OperationFaults::clear);
        all.clear();
    }

    synchronized boolean draw(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    /** A seed for one request's random choices, drawn from the seedable source so that runs repeat. */
    private synchronized long nextSeed() {
        return random.nextLong();
    }

    Instant now() {
        return clock.instant();
    }

    /** Decides, once per request, what happens to it. */
    FaultDecision decide(CecOperation op) {
        OperationFaults own = byOperation.get(op);
        Duration latency = max(own.latency(), all.latency());
        int outage = own.takeOutage();
        if (outage == 0) {
            outage = all.takeOutage();
        }
        if (outage != 0) {
            return new FaultDecision(latency, outage < 0, Math.max(outage, 0), false, null, false, false, null);
        }
        if (own.takeReset() || all.takeReset()) {
            return new FaultDecision(latency, true, 0, false, null, false, false, null);
        }
        int status = own.takeFailure();
        if (status == 0) {
            status = all.takeFailure();
        }
        if (status != 0) {
            return new FaultDecision(latency, false, status, false, null, false, false, null);
        }
        boolean flowControl = own.takeFlowControl() || all.takeFlowControl();
        String resultCode = flowControl ? null : own.takeResultCode();
        if (resultCode == null && !flowControl) {
            resultCode = all.takeResultCode();
        }
        boolean expire = !flowControl && (own.takeExpireCustomerToken() || all.takeExpireCustomerToken());
        boolean redeliver = !flowControl && (own.takeRedeliver() || all.takeRedeliver());
        boolean malformed = op == CecOperation.POLL && !flowControl && resultCode == null
                && (own.takeMalformed() || all.takeMalformed());
        return new FaultDecision(latency, false, 0, flowControl, resultCode, expire, redeliver,
                malformed ? nextSeed() : null);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** {@code malformedSeed}: null, or the seed of the damage done to this poll's answer. */
    record FaultDecision(Duration latency, boolean reset, int httpStatus, boolean flowControl, String resultCode,
                         boolean expireCustomerToken, boolean redeliver, Long malformedSeed) {
    }
}
