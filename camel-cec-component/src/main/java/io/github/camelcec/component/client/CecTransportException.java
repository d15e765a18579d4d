package io.github.camelcec.component.client;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLPeerUnverifiedException;

/** The request did not get an HTTP answer: connection refused or reset, timeout, TLS failure. */
public class CecTransportException extends CecException {

    public CecTransportException(String operation, Throwable cause) {
        super(operation, "CEC " + operation + " request failed: " + cause, cause);
    }

    /** {@code reason} says what failed, e.g. "TLS handshake with host:443 failed: ...". */
    public CecTransportException(String operation, String reason, Throwable cause) {
        super(operation, "CEC " + operation + " request failed: " + reason, cause);
    }

    /**
     * Refused, reset, timed out or cancelled (the client was closing): transient. A certificate CEC's identity does not
     * pass (untrusted, expired, wrong host name) is a configuration error and permanent, as is anything that is no I/O
     * failure at all.
     */
    @Override
    public boolean isTransient() {
        boolean io = false;
        for (Throwable t = getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GeneralSecurityException || t instanceof SSLPeerUnverifiedException) {
                return false;
            }
            io |= t instanceof IOException || t instanceof TimeoutException || t instanceof CancellationException;
        }
        return io;
    }
}
