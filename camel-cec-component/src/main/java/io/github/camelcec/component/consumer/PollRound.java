package io.github.camelcec.component.consumer;

import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.connection.CecConnection;

/**
 * Counts how the polls of one tick went, so the consumer can tell Camel when polling as a whole keeps failing (while
 * a single customer's failure never stops the others).
 */
public final class PollRound {

    /** One closed round. */
    public record Outcome(int succeeded, int failed, Throwable lastError) {
        public boolean allFailed() {
            return failed > 0 && succeeded == 0;
        }

        /** Whether CEC asked to slow down (ref §17: resultCode 10010000002). */
        public boolean isFlowControl() {
            return CecConnection.unwrap(lastError) instanceof CecBusinessException b && b.isFlowControl();
        }
    }

    private int succeeded;
    private int failed;
    private Throwable lastError;

    public synchronized void succeeded() {
        succeeded++;
    }

    public synchronized void failed(Throwable error) {
        failed++;
        lastError = error;
    }

    /** Ends the round and starts the next. */
    public synchronized Outcome close() {
        Outcome outcome = new Outcome(succeeded, failed, lastError);
        succeeded = 0;
        failed = 0;
        lastError = null;
        return outcome;
    }
}
