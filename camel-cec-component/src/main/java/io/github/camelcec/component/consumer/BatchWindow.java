package io.github.camelcec.component.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Gathers what arrives within a few milliseconds and hands it over in one batch, so that a database store pays one
 * statement (one commit) for many customers. The first item opens a window; when it closes, the batch goes to
 * {@code flush} on the worker pool. A full batch goes at once; a window of 0 hands each item over alone.
 */
final class BatchWindow<T> {

    private final Consumer<List<T>> flush;
    private final ScheduledExecutorService timer;
    private final Executor workers;
    private final long windowMillis;
    private final int maxBatch;
    /** The items of the open window; guarded by this. */
    private List<T> batch = new ArrayList<>();

    BatchWindow(Consumer<List<T>> flush, ScheduledExecutorService timer, Executor workers, long windowMillis,
                int maxBatch) {
        this.flush = flush;
        this.timer = timer;
        this.workers = workers;
        this.windowMillis = windowMillis;
        this.maxBatch = maxBatch;
    }

    void add(T item) {
        if (windowMillis == 0) {
            flush.accept(List.of(item));
            return;
        }
        List<T> full = null;
        boolean opened;
        synchronized (this) {
            batch.add(item);
            opened = batch.size() == 1;
            if (batch.size() >= maxBatch) {
                full = take();
            }
        }
        if (full != null) {
            flush.accept(full);
        } else if (opened) {
            try {
                timer.schedule(() -> workers.execute(this::closeWindow), windowMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                // the consumer is stopping: hand over what came now rather than drop it
                closeWindow();
            }
        }
    }

    private void closeWindow() {
        List<T> taken;
        synchronized (this) {
            taken = take();
        }
        if (!taken.isEmpty()) {
            flush.accept(taken);
        }
    }

    /** Called holding this: the open batch, replaced by an empty one. */
    private List<T> take() {
        List<T> taken = batch;
        batch = new ArrayList<>();
        return taken;
    }
}
