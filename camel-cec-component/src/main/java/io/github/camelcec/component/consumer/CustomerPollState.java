package io.github.camelcec.component.consumer;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelcec.component.model.Customer;

/**
 * One customer's polling schedule, counted in consumer ticks (one tick = the {@code delay}). The cadence fields are
 * touched only by the tick thread and by the one task that owns the customer at a time ({@link #claim()}).
 */
public final class CustomerPollState {

    private final Customer customer;
    /** A poll or a delivery chain of this customer is under way: never poll one customer twice at once. */
    private final AtomicBoolean busy = new AtomicBoolean();
    /** Ticks between polls: 1 while the conversation is lively, growing while nothing arrives. */
    private int interval = 1;
    private int ticksUntilDue;
    private int emptyPolls;
    private long activitySeen;
    /** An operator asked for a poll at the next tick (set from any thread, taken by the tick thread). */
    private volatile boolean pollSoon;
    /** A DISCONNECT downlink was delivered: end the session once the chain is drained. */
    private volatile boolean ended;
    /** The term of the customer's partition the current poll or chain started under (clustered consumers only). */
    private volatile long term;

    public CustomerPollState(Customer customer, long activity) {
        this.customer = customer;
        this.activitySeen = activity;
    }

    public Customer customer() {
        return customer;
    }

    public String userId() {
        return customer.userId();
    }

    /** Takes the customer for a poll or a delivery chain; false while another one has it. */
    public boolean claim() {
        return busy.compareAndSet(false, true);
    }

    /** The poll or the chain is over. */
    public void release() {
        busy.set(false);
    }

    public boolean isBusy() {
        return busy.get();
    }

    /**
     * Called once a tick while the customer is not busy: whether it is due now. Activity newer than last seen (the
     * customer sent a message) brings the cadence back to every tick.
     */
    public boolean schedule(long lastActivity) {
        if (lastActivity > activitySeen) {
            activitySeen = lastActivity;
            lively();
        }
        if (pollSoon) {
            pollSoon = false;
            lively();
        }
        ticksUntilDue--;
        return ticksUntilDue <= 0;
    }

    /** Poll at the next tick the customer is free, at the base cadence again. */
    public void pollSoon() {
        pollSoon = true;
    }

    /** A poll failed: try again next tick. */
    public void retryNextTick() {
        ticksUntilDue = 1;
    }

    /** Every held message was delivered: poll again at the current cadence. */
    public void delivered() {
        ticksUntilDue = interval;
    }

    /** Back to the base cadence: poll at the next tick. */
    public void lively() {
        interval = 1;
        emptyPolls = 0;
        ticksUntilDue = 0;
    }

    /** Nothing new: after {@code slowDownAfter} empty polls the interval doubles up to {@code maxInterval} ticks. */
    public void idle(int slowDownAfter, int maxInterval) {
        emptyPolls++;
        if (emptyPolls > slowDownAfter) {
            interval = Math.min(maxInterval, interval * 2);
        }
        ticksUntilDue = interval;
    }

    /** Ticks between polls now. */
    public int interval() {
        return interval;
    }

    /** The partition term the current poll or chain runs under: work of an ended term must not go on. */
    public long term() {
        return term;
    }

    public void term(long term) {
        this.term = term;
    }

    public void markEnded() {
        ended = true;
    }

    public boolean isEnded() {
        return ended;
    }
}
