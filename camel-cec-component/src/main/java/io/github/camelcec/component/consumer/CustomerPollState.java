package io.github.camelcec.component.consumer;

import io.github.camelcec.component.model.Customer;

/**
 * One customer's polling schedule, counted in consumer ticks (one tick = the {@code delay}). Touched only by the one
 * task that owns the customer at a time ({@link #busy}), so plain fields with a volatile flag suffice.
 */
public final class CustomerPollState {

    final Customer customer;
    /** A poll or a delivery chain of this customer is under way: never poll one customer twice at once. */
    public volatile boolean busy;
    /** Ticks between polls: 1 while the conversation is lively, growing while nothing arrives. */
    int interval = 1;
    int ticksUntilDue;
    int emptyPolls;
    public int failedDeliveries;
    long activitySeen;
    /** A DISCONNECT downlink was delivered: end the session once the chain is drained. */
    public boolean ended;

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

    /**
     * Called once a tick while the customer is not busy: whether it is due now. Activity newer than last seen (the
     * customer sent a message) brings the cadence back to every tick.
     */
    public boolean schedule(long lastActivity) {
        if (lastActivity > activitySeen) {
            activitySeen = lastActivity;
            lively();
        }
        ticksUntilDue--;
        return ticksUntilDue <= 0;
    }

    /** A poll failed: try again next tick. */
    public void retryNextTick() {
        ticksUntilDue = 1;
    }

    /** Every held message was delivered: poll again at the current cadence. */
    public void delivered() {
        failedDeliveries = 0;
        ticksUntilDue = interval;
    }

    /** A delivery failed: retry the held message after 1, 2, 4 ... ticks, at most {@code maxInterval}. */
    public void deliveryFailed(int maxInterval) {
        failedDeliveries++;
        ticksUntilDue = Math.min(maxInterval, 1 << Math.min(failedDeliveries - 1, 16));
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
}
