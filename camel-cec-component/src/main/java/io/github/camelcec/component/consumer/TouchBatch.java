package io.github.camelcec.component.consumer;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The sessions' activity (product.md §4: each message touches its session), written for the customers whose poll
 * answers came within a few milliseconds in one store call rather than one statement each. Activity that is written a
 * few milliseconds late changes nothing (a session idles out after minutes), and a write that fails is only reported,
 * as a single touch would be.
 */
public final class TouchBatch {

    private final BatchWindow<String> window;

    /**
     * @param write        records the activity of the customers now; reports its own failures
     * @param windowMillis how long the first touch of a batch waits for others; 0 writes each touch at once
     */
    public TouchBatch(Consumer<Set<String>> write, ScheduledExecutorService timer, Executor workers,
                      long windowMillis) {
        // a customer touched twice in one window is written once
        this.window = new BatchWindow<>(touched -> write.accept(new LinkedHashSet<>(touched)), timer, workers,
                windowMillis, Integer.MAX_VALUE);
    }

    public void touched(String userId) {
        window.add(userId);
    }
}
