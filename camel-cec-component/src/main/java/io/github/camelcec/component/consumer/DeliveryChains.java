package io.github.camelcec.component.consumer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.camelcec.component.state.PendingMessage;
import io.github.camelcec.component.state.PendingMessageStore;

/**
 * Delivers each customer's held messages one at a time, oldest first, so order holds per customer while customers
 * run in parallel on the worker pool. A message leaves the {@link PendingMessageStore} only when its exchange
 * completed (camel-aws2-sqs's Synchronization pattern); a failed one stays at the head and is delivered again after a
 * {@link RedeliveryBackoff} delay, scheduled on its own executor so that redelivery goes on while the consumer is
 * suspended or shutting down.
 */
public final class DeliveryChains {

    /** Turns one held message into an exchange; exactly one of the outcome's methods is called when it is done. */
    public interface Delivery {
        void deliver(CustomerPollState state, PendingMessage message, Outcome outcome);
    }

    /** How a delivery ended. */
    public interface Outcome {
        void completed();

        void failed(Throwable cause);
    }

    private final PendingMessageStore pending;
    private final Delivery delivery;
    private final Executor workers;
    private final ScheduledExecutorService redeliveries;
    private final RedeliveryBackoff backoff;
    private final Consumer<CustomerPollState> drained;
    /** Customers whose chain runs in this JVM, for the shutdown count and report. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /**
     * @param drained called on the worker pool when a customer's chain has nothing left to deliver; it must
     *                {@link CustomerPollState#release() release} the customer
     */
    public DeliveryChains(PendingMessageStore pending, Delivery delivery, Executor workers,
                          ScheduledExecutorService redeliveries, RedeliveryBackoff backoff,
                          Consumer<CustomerPollState> drained) {
        this.pending = pending;
        this.delivery = delivery;
        this.workers = workers;
        this.redeliveries = redeliveries;
        this.backoff = backoff;
        this.drained = drained;
    }

    /** Starts (or continues) delivering the customer's held messages; the customer must be claimed. */
    public void start(CustomerPollState state) {
        running.add(state.userId());
        workers.execute(() -> next(state));
    }

    /** Customers with a chain running here. */
    public Set<String> customers() {
        return Set.copyOf(running);
    }

    private void next(CustomerPollState state) {
        PendingMessage message = pending.head(state.userId());
        if (message == null) {
            running.remove(state.userId());
            drained.accept(state);
            return;
        }
        delivery.deliver(state, message, new Outcome() {
            @Override
            public void completed() {
                pending.remove(state.userId(), message.key());
                workers.execute(() -> next(state));
            }

            @Override
            public void failed(Throwable cause) {
                int attempts = pending.recordFailure(state.userId(), message.key());
                long delay = backoff.delayMillis(attempts);
                try {
                    redeliveries.schedule(() -> workers.execute(() -> next(state)), delay, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopped) {
                    // the consumer stopped: the message stays held (in a durable store, for the next start)
                    running.remove(state.userId());
                }
            }
        });
    }
}
