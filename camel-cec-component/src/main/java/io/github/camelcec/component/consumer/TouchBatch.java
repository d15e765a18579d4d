package io.github.camelcec.component.consumer;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The sessions' activity (product.md §4: each message touches its session), written for the customers whose poll
 * answers came within a few milliseconds in one store call rather than one statement each. Activity that is written a
 * few milliseconds late changes nothing (a session idles out after minutes), and a write that fails is only reported,
 * as a single touch would be.
 */
public final class TouchBatch {

    private final Consumer<Set<String>> write;
    private final ScheduledExecutorService timer;
    private final Executor workers;
    private final long windowMillis;
    /** The customers touched in the open window; guarded by this. */
    private Set<String> batch = new HashSet<>();

    /**
     * @param write        records the activity of the customers now; reports its own failures
     * @param windowMillis how long the first touch of a batch waits for others; 0 writes each touch at once
     */
    public TouchBatch(Consumer<Set<String>> write, ScheduledExecutorService timer, Executor workers,
                      long windowMillis) {
        this.write = write;
        this.timer = timer;
        this.workers = workers;
        this.windowMillis = windowMillis;
    }

    public void touched(String userId) {
        if (windowMillis == 0) {
            write.accept(Set.of(userId));
            return;
        }
        boolean opened;
        synchronized (this) {
            opened = batch.add(userId) && batch.size() == 1;
        }
        if (opened) {
            try {
                timer.schedule(() -> workers.execute(this::writeWindow), windowMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                writeWindow();
            }
        }
    }

    private void writeWindow() {
        Set<String> taken;
        synchronized (this) {
            taken = batch;
            batch = new HashSet<>();
        }
        if (!taken.isEmpty()) {
            write.accept(taken);
        }
    }
}
