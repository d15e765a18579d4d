package io.github.camelcec.component.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A timer whose delayed tasks wait until the test runs them, whatever their delay: tests that need no timing. */
final class HeldTimer extends ScheduledThreadPoolExecutor {

    final List<Runnable> held = new CopyOnWriteArrayList<>();

    HeldTimer() {
        super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        held.add(command);
        return super.schedule(() -> {
        }, 1, TimeUnit.DAYS);
    }

    /** Runs the tasks held now; those they schedule wait for the next call. */
    void runHeld() {
        List<Runnable> due = new ArrayList<>(held);
        held.removeAll(due);
        due.forEach(Runnable::run);
    }
}
