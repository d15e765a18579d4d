package io.github.camelcec.component.client;

/**
 * Base of every failure the CEC client reports. Messages never carry a secret or a token.
 * <p>
 * {@link #isTransient()} says whether the same request may succeed later (CEC unreachable or overloaded) or never will
 * (bad input, refused credentials, a business answer), so a route can redeliver the first and dead-letter the second:
 * {@code onException(CecException.class).onWhen(simple("${exception.transient}"))}.
 */
public class CecException extends RuntimeException {

    private final String operation;

    public CecException(String operation, String message) {
        super(message);
        this.operation = operation;
    }

    public CecException(String operation, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
    }

    /** The CEC operation that failed, e.g. {@code send}. */
    public String getOperation() {
        return operation;
    }

    /**
     * Whether retrying the same request later may succeed: no answer (refused, reset, timed out), HTTP 5xx, 408 or 429,
     * or CEC's flow control (10010000002). False for everything retrying cannot fix: invalid input, other 4xx, refused
     * credentials (the component has already refreshed and replayed once), business result codes.
     */
    public boolean isTransient() {
        return false;
    }
}
