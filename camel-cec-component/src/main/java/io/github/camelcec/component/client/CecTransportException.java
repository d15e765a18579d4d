package io.github.camelcec.component.client;

/** The request did not get an HTTP answer: connection refused or reset, timeout, TLS failure. */
public class CecTransportException extends CecException {

    public CecTransportException(String operation, Throwable cause) {
        super(operation, "CEC " + operation + " request failed: " + cause, cause);
    }

    /** {@code reason} says what failed, e.g. "TLS handshake with host:443 failed: ...". */
    public CecTransportException(String operation, String reason, Throwable cause) {
        super(operation, "CEC " + operation + " request failed: " + reason, cause);
    }
}
