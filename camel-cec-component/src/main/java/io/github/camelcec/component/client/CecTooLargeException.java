package io.github.camelcec.component.client;

/** CEC answered more than the component accepts: a file larger than {@code maxUploadSize}; it was not decoded. */
public class CecTooLargeException extends CecException {

    private final long limit;

    public CecTooLargeException(String operation, String message, long limit) {
        super(operation, message);
        this.limit = limit;
    }

    /** The largest file accepted, in bytes ({@code maxUploadSize}). */
    public long getLimit() {
        return limit;
    }
}
