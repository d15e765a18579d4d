package io.github.camelcec.component.consumer;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the consumer's state-store calls so that a store that went away loses nothing: a failed call is reported,
 * marks the store as down (polls wait: no message is fetched that could not be recorded) and is tried again after
 * 1, 2, 4 ... backoff delays until it succeeds; then the work it guards goes on and the store is up again.
 */
public final class StoreRetry {

    private final ScheduledExecutorService timer;
    private final Executor workers;
    private final RedeliveryBackoff backoff;
    private final BiConsumer<String, Throwable> report;
    private volatile Throwable failure;

    /**
     * @param report told of every failed attempt: what was tried and why it failed
     */
    public StoreRetry(ScheduledExecutorService timer, Executor workers, RedeliveryBackoff backoff,
                      BiConsumer<String, Throwable> report) {
        this.timer = timer;
        this.workers = workers;
        this.backoff = backoff;
        this.report = report;
    }

    /** Runs {@code call} now and hands its result to {@code then}; on failure retries it until it succeeds. */
    public <T> void run(String what, Supplier<T> call, Consumer<T> then) {
        attempt(what, call, then, 1);
    }

    /** The last store failure while the store is down; null while it answers. */
    public Throwable failure() {
        return failure;
    }

    private <T> void attempt(String what, Supplier<T> call, Consumer<T> then, int attempt) {
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            failure = e;
            report.accept(what, e);
            try {
                timer.schedule(() -> workers.execute(() -> attempt(what, call, then, attempt + 1)),
                        backoff.delayMillis(attempt), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                // the consumer stopped; a durable store still holds what it held
            }
            return;
        }
        failure = null;
        then.accept(result);
    }
}
