package io.github.camelcec.component.consumer;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sessions' activity in batches: the window ends when the test says so. */
class TouchBatchTest {

    private final HeldTimer timer = new HeldTimer();
    private final List<Set<String>> written = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void customersTouchedInOneWindowAreWrittenTogetherOnce() {
        TouchBatch touches = new TouchBatch(written::add, timer, Runnable::run, GroupCommit.WINDOW_MILLIS);

        touches.touched("a");
        touches.touched("b");
        touches.touched("a");
        assertThat(written).isEmpty();
        timer.runHeld();

        assertThat(written).containsExactly(Set.of("a", "b"));
        touches.touched("a");
        timer.runHeld();
        assertThat(written).containsExactly(Set.of("a", "b"), Set.of("a"));
    }

    @Test
    void withoutAWindowEachTouchIsWrittenAtOnce() {
        TouchBatch touches = new TouchBatch(written::add, timer, Runnable::run, 0);

        touches.touched("a");

        assertThat(written).containsExactly(Set.of("a"));
        assertThat(timer.held).isEmpty();
    }
}
