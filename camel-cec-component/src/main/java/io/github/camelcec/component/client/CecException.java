package io.github.camelcec.component.client;

/** Base of every failure the CEC client reports. Messages never carry a secret or a token. */
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
}
