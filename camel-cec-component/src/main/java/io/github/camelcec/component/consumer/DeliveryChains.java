package io.github.camelcec.component.consumer;

import java.util.ArrayDeque;
import java.util.List;
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
import java.util.function.Predicate;

import io.github.camelcec.component.state.PendingMessage;
import io.github.camelcec.component.state.PendingMessageStore;

/**
 * Delivers each customer's held messages one at a time, oldest first, so order holds per customer while customers
 * run in parallel on the worker pool. A message leaves the {@link PendingMessageStore} only when its exchange
 * completed (camel-aws2-sqs's Synchronization pattern), in a {@link GroupCommit} with other customers' completions;
 * a failed one stays at the head and is delivered again after a {@link RedeliveryBackoff} delay, scheduled on a
 * timer of its own so that redelivery goes on while the consumer is suspended or shutting down. The messages a poll
 * answer added are delivered from memory; the store is read for the head only when a chain starts with none (a
 * restart) and once at its end, so a database store costs few reads.
 */
public final class DeliveryChains {

    /** Turns one held message into an exchange; exactly one of the outcome's methods is called when it is done. */
    public interface Delivery {
        void deliver(CustomerPollState state, PendingMessage message, Outcome outcome);
    }

    /**
     * Whether this JVM may go on delivering a customer's messages: a replica that lost the customer's partition stops
     * after the exchange in flight and hands the customer back (product.md §4).
     */
    public interface Ownership {

        /** Always owns: one JVM, or a consumer that is not clustered. */
        Ownership ALWAYS = new Ownership() {
            @Override
            public boolean owns(CustomerPollState state) {
                return true;
            }

            @Override
            public void handBack(CustomerPollState state) {
                throw new IllegalStateException("a customer that is always owned cannot be handed back");
            }
        };

        boolean owns(CustomerPollState state);

        /**
         * The chain stopped because {@link #owns} said no; the customer's messages in memory are forgotten (the store
         * is read again next time). Must release the customer or start its chain again.
         */
        void handBack(CustomerPollState state);
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
    private final StoreRetry store;
    private final GroupCommit completions;
    private final Predicate<PendingMessage> alreadyDelivered;
    private final Consumer<CustomerPollState> drained;
    private final ConsumerMetrics metrics;
    private final Ownership ownership;
    /** Chains waiting out a redelivery delay, so that an operator can cut the wait short. */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    /** The held messages known in this JVM, per customer, oldest first. */
    private final Map<String, ArrayDeque<PendingMessage>> known = new ConcurrentHashMap<>();

    /**
     * @param alreadyDelivered whether a message read back from the store (held since before a restart or a crash)
     *                         was delivered already: its exchange completed but the JVM died before it left the store
     * @param drained          called on the worker pool when a customer's chain has nothing left to deliver; it must
     *                         {@link CustomerPollState#release() release} the customer
     */
    public DeliveryChains(PendingMessageStore pending, Delivery delivery, Executor workers,
                          ScheduledExecutorService redeliveries, RedeliveryBackoff backoff, StoreRetry store,
                          GroupCommit completions, Predicate<PendingMessage> alreadyDelivered,
                          Consumer<CustomerPollState> drained, Ownership ownership, ConsumerMetrics metrics) {
        this.pending = pending;
        this.delivery = delivery;
        this.workers = workers;
        this.redeliveries = redeliveries;
        this.backoff = backoff;
        this.store = store;
        this.completions = completions;
        this.alreadyDelivered = alreadyDelivered;
        this.drained = drained;
        this.ownership = ownership;
        this.metrics = metrics;
    }

    /**
     * Starts delivering the customer's held messages, {@code added} (just appended to the store) after any older
     * ones; the customer must be claimed.
     */
    public void start(CustomerPollState state, List<PendingMessage> added) {
        known.compute(state.userId(), (id, queue) -> {
            ArrayDeque<PendingMessage> q = queue == null ? new ArrayDeque<>(added.size()) : queue;
            synchronized (q) {
                q.addAll(added);
            }
            return q;
        });
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
        return Set.copyOf(known.keySet());
    }

    /** Messages this JVM is delivering or about to. */
    public int heldHere() {
        int n = 0;
        for (ArrayDeque<PendingMessage> q : known.values()) {
            synchronized (q) {
                n += q.size();
            }
        }
        return n;
    }

    private void next(CustomerPollState state) {
        if (!ownership.owns(state)) {
            // another replica leads the customer now: what memory holds may be delivered there already
            known.remove(state.userId());
            ownership.handBack(state);
            return;
        }
        ArrayDeque<PendingMessage> queue = known.get(state.userId());
        PendingMessage head = queue == null ? null : peek(queue);
        if (head != null) {
            deliver(state, head);
            return;
        }
        store.run("read the held messages of " + state.userId(), () -> pending.head(state.userId()), stored -> {
            if (stored == null) {
                known.remove(state.userId());
                drained.accept(state);
            } else if (stored.attempts() == 0 && alreadyDelivered.test(stored)) {
                store.run("remove the delivered message " + stored.key() + " of " + state.userId(), () -> {
                    pending.remove(state.userId(), stored.key());
                    return stored;
                }, removed -> workers.execute(() -> next(state)));
            } else {
                ArrayDeque<PendingMessage> q = known.computeIfAbsent(state.userId(), id -> new ArrayDeque<>());
                synchronized (q) {
                    q.addLast(stored);
                }
                deliver(state, stored);
            }
        });
    }

    private void deliver(CustomerPollState state, PendingMessage message) {
        delivery.deliver(state, message, new Outcome() {
            @Override
            public void completed() {
                metrics.messageDelivered();
                // the customer's next message goes out only once this one's removal is written
                completions.completed(message, () -> {
                    ArrayDeque<PendingMessage> queue = known.get(state.userId());
                    if (queue != null) {
                        synchronized (queue) {
                            queue.remove(message);
                        }
                    }
                    workers.execute(() -> next(state));
                });
            }

            @Override
            public void failed(Throwable cause) {
                metrics.deliveryFailed();
                store.run("count a failed delivery of " + message.key() + " of " + state.userId(),
                        () -> pending.recordFailure(state.userId(), message.key()), attempts -> {
                            Waiting w = new Waiting(state);
                            waiting.put(state.userId(), w);
                            try {
                                w.timer = redeliveries.schedule(w::resume, backoff.delayMillis(attempts),
                                        TimeUnit.MILLISECONDS);
                            } catch (RejectedExecutionException stopped) {
                                // the consumer stopped: the message stays held (in a durable store, for the next start)
                                waiting.remove(state.userId(), w);
                                known.remove(state.userId());
                            }
                        });
            }
        });
    }

    private static PendingMessage peek(ArrayDeque<PendingMessage> queue) {
        synchronized (queue) {
            return queue.peekFirst();
        }
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
