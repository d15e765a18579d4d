package io.github.camelcec.component.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    private final ScheduledExecutorService timer;
    private final Executor workers;
    private final long windowMillis;
    /** The completions of the open window; guarded by this. */
    private List<Completion> batch = new ArrayList<>();

    /**
     * @param windowMillis how long the first completion of a batch waits for others; 0 writes each completion at once
     *                     (for a store in memory, where a write costs no commit)
     */
    public GroupCommit(PendingMessageStore pending, DeliveredCodes delivered, StoreRetry store,
                       ScheduledExecutorService timer, Executor workers, long windowMillis) {
        this.pending = pending;
        this.delivered = delivered;
        this.store = store;
        this.timer = timer;
        this.workers = workers;
        this.windowMillis = windowMillis;
    }

    /** The message's exchange completed: {@code then} runs once the message has left the store with its code recorded. */
    public void completed(PendingMessage message, Runnable then) {
        Completion completion = new Completion(message, then);
        if (windowMillis == 0) {
            write(List.of(completion));
            return;
        }
        List<Completion> full = null;
        boolean opened;
        synchronized (this) {
            batch.add(completion);
            opened = batch.size() == 1;
            if (batch.size() >= MAX_BATCH) {
                full = take();
            }
        }
        if (full != null) {
            write(full);
        } else if (opened) {
            try {
                timer.schedule(() -> workers.execute(this::writeWindow), windowMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                // the consumer is stopping: write what completed now rather than leave it to be delivered again
                writeWindow();
            }
        }
    }

    private void writeWindow() {
        List<Completion> taken;
        synchronized (this) {
            taken = take();
        }
        if (!taken.isEmpty()) {
            write(taken);
        }
    }

    /** Called holding this: the open batch, replaced by an empty one. */
    private List<Completion> take() {
        List<Completion> taken = batch;
        batch = new ArrayList<>();
        return taken;
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
