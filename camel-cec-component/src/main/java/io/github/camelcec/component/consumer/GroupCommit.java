package io.github.camelcec.component.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelcec.component.state.DeliveredCodes;
import io.github.camelcec.component.state.PendingMessage;
import io.github.camelcec.component.state.PendingMessageStore;

/**
 * Group commit on completion: the exchanges that completed within a few milliseconds, across customers, leave the
 * pending store and enter the delivered codes in one store call (one transaction on a database) rather than in commits
 * of their own. What comes after a completion (its customer's next message) runs only once its batch is written, so
 * order per customer holds, and a crash forgets only completions not yet written, at most one per customer, whose
 * messages are then delivered again. A write that fails is retried whole by {@link StoreRetry} until it succeeds: the
 * customers in it wait, nothing is lost.
 */
public final class GroupCommit {

    /** How long a completion waits for others to share its commit: a few ms, small next to a poll interval. */
    public static final long WINDOW_MILLIS = 3;

    /** A batch this large is written at once rather than at the end of its window. */
    static final int MAX_BATCH = 500;

    private record Completion(PendingMessage message, Runnable then) {
    }

    private final PendingMessageStore pending;
    private final DeliveredCodes delivered;
    private final StoreRetry store;
    private final BatchWindow<Completion> window;

    /**
     * @param windowMillis how long the first completion of a batch waits for others; 0 writes each completion at once
     *                     (for a store in memory, where a write costs no commit)
     */
    public GroupCommit(PendingMessageStore pending, DeliveredCodes delivered, StoreRetry store,
                       ScheduledExecutorService timer, Executor workers, long windowMillis) {
        this.pending = pending;
        this.delivered = delivered;
        this.store = store;
        this.window = new BatchWindow<>(this::write, timer, workers, windowMillis, MAX_BATCH);
    }

    /** The message's exchange completed: {@code then} runs once the message has left the store with its code recorded. */
    public void completed(PendingMessage message, Runnable then) {
        window.add(new Completion(message, then));
    }

    private void write(List<Completion> completions) {
        List<PendingMessage> messages = new ArrayList<>(completions.size());
        for (Completion c : completions) {
            messages.add(c.message());
        }
        store.run("record " + messages.size() + " delivered messages", () -> {
            pending.removeDelivered(messages, delivered);
            return completions;
        }, written -> {
            for (Completion c : written) {
                c.then().run();
            }
        });
    }
}
