package io.github.camelcec.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults armed for one operation (or, through {@link FaultInjector#all()}, for every operation). Counted faults
 * ("next n") are used up one request at a time; rates draw from the injector's seedable random source.
 */
public final class OperationFaults {

    private final FaultInjector owner;
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failNextStatus;
    private volatile double errorRate;
    private volatile int errorRateStatus;
    private volatile Duration latency = Duration.ZERO;
    private final AtomicInteger resetNext = new AtomicInteger();
    private volatile double resetRate;
    private final AtomicInteger flowControlNext = new AtomicInteger();
    private volatile double flowControlRate;
    private final AtomicInteger expireCustomerTokenNext = new AtomicInteger();
    private final AtomicInteger redeliverNext = new AtomicInteger();
    private final AtomicInteger resultCodeNext = new AtomicInteger();
    private volatile String resultCode;
    private volatile double malformedRate;
    private volatile Outage outage;

    OperationFaults(FaultInjector owner) {
        this.owner = owner;
    }

    /** The next {@code n} requests answer {@code httpStatus} (e.g. 500, 503, 401, 403) without being processed. */
    public OperationFaults failNext(int n, int httpStatus) {
        checkStatus(httpStatus);
        failNextStatus = httpStatus;
        failNext.set(checkCount(n));
        return this;
    }

    /** A random share ({@code 0..1}) of requests answers {@code httpStatus} without being processed. */
    public OperationFaults errorRate(double rate, int httpStatus) {
        checkStatus(httpStatus);
        errorRateStatus = httpStatus;
        errorRate = checkRate(rate);
        return this;
    }

    /** Delay added before answering; scheduled on the event loop, never blocking it. */
    public OperationFaults latency(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive, was " + d);
        }
        latency = d;
        return this;
    }

    /** The next {@code n} requests get no response: the connection is reset (TCP RST). */
    public OperationFaults resetNext(int n) {
        resetNext.set(checkCount(n));
        return this;
    }

    /** A random share of requests gets no response: the connection is reset. */
    public OperationFaults resetRate(double rate) {
        resetRate = checkRate(rate);
        return this;
    }

    /** The next {@code n} requests answer HTTP 200 with resultCode {@code 10010000002} (flow control, ref §17). */
    public OperationFaults flowControlNext(int n) {
        flowControlNext.set(checkCount(n));
        return this;
    }

    /** A random share of requests answers the flow-control result code. */
    public OperationFaults flowControlRate(double rate) {
        flowControlRate = checkRate(rate);
        return this;
    }

    /** The customer token presented on the next {@code n} requests counts as expired (rotation or 401, ref §3.1.2). */
    public OperationFaults expireCustomerTokenNext(int n) {
        expireCustomerTokenNext.set(checkCount(n));
        return this;
    }

    /**
     * Poll only: the next {@code n} polls hand their messages out and also keep them queued, so the following poll
     * hands the same messages (same messageCode) out again, as a server that delivers twice would.
     */
    public OperationFaults redeliverNext(int n) {
        redeliverNext.set(checkCount(n));
        return this;
    }

    /**
     * The next {@code n} requests answer HTTP 200 with this business {@code resultCode} unprocessed, e.g. {@code "401"}
     * (downloadFileStream's "objectKey is null", which is not an HTTP 401) or {@code "13"}.
     */
    public OperationFaults resultCodeNext(int n, String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("resultCode must not be blank");
        }
        resultCode = code;
        resultCodeNext.set(checkCount(n));
        return this;
    }

    /**
     * Poll only: a random share of poll answers that carry messages has one or more messages damaged (a field of a
     * type no typed reader accepts; {@code messageCode} intact). The messages are handed out and removed from the
     * queue as usual. See {@link io.github.camelcec.simulator.faults.MalformedAnswers#breakDownlinks}.
     */
    public OperationFaults malformedRate(double rate) {
        malformedRate = checkRate(rate);
        return this;
    }

    /** For {@code duration} from now (the simulator's clock), requests answer HTTP 503, are reset, or alternate. */
    public OperationFaults outage(Duration duration, OutageKind kind) {
        return outage(duration, kind, 503);
    }

    /** For {@code duration} from now (the simulator's clock), requests answer {@code httpStatus}, are reset, or alternate. */
    public OperationFaults outage(Duration duration, OutageKind kind, int httpStatus) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("outage duration must be positive, was " + duration);
        }
        if (kind == null) {
            throw new IllegalArgumentException("outage kind must be one of STATUS, RESET, ALTERNATE, was null");
        }
        checkStatus(httpStatus);
        outage = new Outage(owner.now().plus(duration), kind, httpStatus, new AtomicLong());
        return this;
    }

    /** Ends the outage window early. */
    public OperationFaults endOutage() {
        outage = null;
        return this;
    }

    void clear() {
        malformedRate = 0;
        outage = null;
        redeliverNext.set(0);
        resultCodeNext.set(0);
        failNext.set(0);
        errorRate = 0;
        latency = Duration.ZERO;
        resetNext.set(0);
        resetRate = 0;
        flowControlNext.set(0);
        flowControlRate = 0;
        expireCustomerTokenNext.set(0);
    }

    Duration latency() {
        return latency;
    }

    /** During an outage: the status to answer, or -1 for a reset; 0 outside one. */
    int takeOutage() {
        Outage current = outage;
        if (current == null || !owner.now().isBefore(current.until())) {
            return 0;
        }
        return switch (current.kind()) {
            case STATUS -> current.status();
            case RESET -> -1;
            case ALTERNATE -> current.requests().getAndIncrement() % 2 == 0 ? current.status() : -1;
        };
    }

    boolean takeMalformed() {
        return owner.draw(malformedRate);
    }

    boolean takeReset() {
        return take(resetNext) || owner.draw(resetRate);
    }

    /** The injected HTTP status, or 0 for none. */
    int takeFailure() {
        if (take(failNext)) {
            return failNextStatus;
        }
        return owner.draw(errorRate) ? errorRateStatus : 0;
    }

    boolean takeFlowControl() {
        return take(flowControlNext) || owner.draw(flowControlRate);
    }

    /** The injected business code, or null for none. */
    String takeResultCode() {
        return take(resultCodeNext) ? resultCode : null;
    }

    boolean takeRedeliver() {
        return take(redeliverNext);
    }

    boolean takeExpireCustomerToken() {
        return take(expireCustomerTokenNext);
    }

    /** An outage window: until when, what it answers, and how many requests it saw (for ALTERNATE). */
    private record Outage(Instant until, OutageKind kind, int status, AtomicLong requests) {
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private static int checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("count must be zero or positive, was " + n);
        }
        return n;
    }

    private static double checkRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be within 0..1, was " + rate);
        }
        return rate;
    }

    private static void checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
    }
}
