package io.github.camelcec.component.consumer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final ConsumerMetrics metrics;
    /** Customers whose chain runs in this JVM, for the shutdown count and report. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** Chains waiting out a redelivery delay, so that an operator can cut the wait short. */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    /**
     * @param drained called on the worker pool when a customer's chain has nothing left to deliver; it must
     *                {@link CustomerPollState#release() release} the customer
     */
    public DeliveryChains(PendingMessageStore pending, Delivery delivery, Executor workers,
                          ScheduledExecutorService redeliveries, RedeliveryBackoff backoff,
                          Consumer<CustomerPollState> drained, ConsumerMetrics metrics) {
        this.pending = pending;
        this.delivery = delivery;
        this.workers = workers;
        this.redeliveries = redeliveries;
        this.backoff = backoff;
        this.drained = drained;
        this.metrics = metrics;
    }

    /** Starts (or continues) delivering the customer's held messages; the customer must be claimed. */
    public void start(CustomerPollState state) {
        running.add(state.userId());
        workers.execute(() -> next(state));
    }

    /**
     * An operator asked to redeliver the customer's held messages now: a chain waiting out its redelivery delay goes
     * on at once. False when none is waiting.
     */
    public boolean redeliverNow(String userId) {
        Waiting w = waiting.get(userId);
        return w != null && w.resume();
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
                metrics.messageDelivered();
                pending.remove(state.userId(), message.key());
                workers.execute(() -> next(state));
            }

            @Override
            public void failed(Throwable cause) {
                metrics.deliveryFailed();
                int attempts = pending.recordFailure(state.userId(), message.key());
                long delay = backoff.delayMillis(attempts);
                Waiting w = new Waiting(state);
                waiting.put(state.userId(), w);
                try {
                    w.timer = redeliveries.schedule(w::resume, delay, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopped) {
                    // the consumer stopped: the message stays held (in a durable store, for the next start)
                    waiting.remove(state.userId(), w);
                    running.remove(state.userId());
                }
            }
        });
    }

    /** A chain waiting out its redelivery delay: the timer or an operator resumes it, whichever comes first. */
    private final class Waiting {
        private final CustomerPollState state;
        private final AtomicBoolean resumed = new AtomicBoolean();
        private volatile ScheduledFuture<?> timer;

        Waiting(CustomerPollState state) {
            this.state = state;
        }

        boolean resume() {
            if (!resumed.compareAndSet(false, true)) {
                return false;
            }
            waiting.remove(state.userId(), this);
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
            workers.execute(() -> next(state));
            return true;
        }
    }
}
