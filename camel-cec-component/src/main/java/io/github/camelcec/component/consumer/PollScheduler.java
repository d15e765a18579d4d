package io.github.camelcec.component.consumer;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.model.PollResponse;

/**
 * Decides who is polled when: each tick marks the customers that are due (adaptive cadence per customer), and polls
 * start on non-blocking I/O while permits last ({@code maxConcurrentPolls}), never two for one customer. A poll's
 * answer with messages, or a failed poll, is handed to the {@link PollHandler} on the worker pool, never on an I/O
 * thread; an empty answer only reschedules the customer, where it arrived. Flow control (ref §17,
 * {@code 10010000002}) pauses every poll, for longer while it persists.
 */
public final class PollScheduler {

    /**
     * What to do with one customer's poll answer; must {@link CustomerPollState#release()}. Runs on the worker pool,
     * except for an empty successful answer (nothing to hold or deliver, only the customer's cadence to update), which
     * is handled on the thread it arrived on and must not block.
     */
    public interface PollHandler {
        void handle(CustomerPollState state, PollResponse response, Throwable error);
    }

    private final Map<String, CustomerPollState> states = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<CustomerPollState> due = new ConcurrentLinkedQueue<>();
    private final PollRound round = new PollRound();
    private final AtomicInteger pumping = new AtomicInteger();
    private final int maxConcurrentPolls;
    private final Semaphore permits;
    private final Function<CustomerPollState, CompletableFuture<PollResponse>> poller;
    private final PollHandler handler;
    private final Executor workers;
    private final long flowControlDelayMillis;
    private final ConsumerMetrics metrics;
    private int flowControlStreak;
    private volatile long pausedUntil;
    private volatile boolean stopped;

    public PollScheduler(int maxConcurrentPolls, Function<CustomerPollState, CompletableFuture<PollResponse>> poller,
                         PollHandler handler, Executor workers, long flowControlDelayMillis,
                         ConsumerMetrics metrics) {
        this.maxConcurrentPolls = maxConcurrentPolls;
        this.permits = new Semaphore(maxConcurrentPolls);
        this.poller = poller;
        this.handler = handler;
        this.workers = workers;
        this.flowControlDelayMillis = flowControlDelayMillis;
        this.metrics = metrics;
    }

    /**
     * One tick: closes the previous round (returned), marks the due customers among {@code customers} and starts their
     * polls. Customers that are gone and idle are forgotten.
     */
    public PollRound.Outcome tick(Collection<Customer> customers, ToLongFunction<String> lastActivity, long now) {
        PollRound.Outcome previous = round.close();
        metrics.ticked(now);
        Set<String> present = ConcurrentHashMap.newKeySet(customers.size());
        for (Customer customer : customers) {
            present.add(customer.userId());
            CustomerPollState state = stateOf(customer, lastActivity);
            if (!state.isBusy() && state.schedule(lastActivity.applyAsLong(customer.userId())) && state.claim()) {
                due.add(state);
            }
        }
        if (states.size() > present.size()) {
            states.values().removeIf(s -> !s.isBusy() && !present.contains(s.userId()));
        }
        if (previous.allFailed() && previous.isFlowControl()) {
            flowControlStreak = Math.min(flowControlStreak + 1, 6);
            pausedUntil = now + flowControlDelayMillis * (1L << (flowControlStreak - 1));
            metrics.flowControlPaused();
        } else if (previous.succeeded() > 0) {
            flowControlStreak = 0;
        }
        pump();
        return previous;
    }

    /** The customer's state, created on first sight (e.g. to deliver messages held since before a restart). */
    public CustomerPollState stateOf(Customer customer, ToLongFunction<String> lastActivity) {
        return states.computeIfAbsent(customer.userId(),
                id -> new CustomerPollState(customer, lastActivity.applyAsLong(id)));
    }

    /** An operator asked to poll the customer now: it is polled at the next tick, at the base cadence again. */
    public boolean pollNextTick(String userId) {
        CustomerPollState state = states.get(userId);
        if (state != null) {
            state.pollSoon();
        }
        return state != null;
    }

    public void forget(String userId) {
        states.remove(userId);
    }

    /** No new polls (shutdown); answers still coming are handled. */
    public void stop() {
        stopped = true;
    }

    public void resume() {
        stopped = false;
    }

    /** Polls whose answer has not arrived yet. */
    public int pollsInFlight() {
        return maxConcurrentPolls - permits.availablePermits();
    }

    /** Customers known to the scheduler right now. */
    public int customerCount() {
        return states.size();
    }

    /** Starts due polls while permits last; re-entrant calls only make the running pump go round once more. */
    private void pump() {
        if (pumping.getAndIncrement() != 0) {
            return;
        }
        do {
            while (!due.isEmpty() && !stopped && System.currentTimeMillis() >= pausedUntil && permits.tryAcquire()) {
                CustomerPollState state = due.poll();
                if (state == null) {
                    permits.release();
                    break;
                }
                start(state);
            }
        } while (pumping.decrementAndGet() != 0);
    }

    private void start(CustomerPollState state) {
        CompletableFuture<PollResponse> polled;
        metrics.pollStarted();
        try {
            polled = poller.apply(state);
        } catch (RuntimeException e) {
            polled = CompletableFuture.failedFuture(e);
        }
        polled.whenComplete((response, error) -> {
            if (error != null || !response.isSuccess()) {
                metrics.pollFailed();
                round.failed(error != null ? error : new CecBusinessException("poll", response, 200));
            } else {
                round.succeeded();
            }
            permits.release();
            if (error == null && response.isSuccess() && response.getDownlinkMessages().isEmpty()) {
                // most answers of an idle fan-out: a thread hand-off would cost more than the handling
                handler.handle(state, response, null);
            } else {
                workers.execute(() -> handler.handle(state, response, error));
            }
            pump();
        });
    }
}
