package io.github.camelcec.component.client;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Says in words why a request got no HTTP answer: the cause HttpClient or the JDK raised, with the host it concerns. */
final class TransportFailures {

    private TransportFailures() {
    }

    static String describe(Throwable cause, String host) {
        if (has(cause, SSLPeerUnverifiedException.class) || hostNameMismatch(cause)) {
            return "TLS host-name verification of " + host + " failed: " + reason(cause)
                   + " (the server's certificate is not issued for this host name)";
        }
        if (has(cause, CertPathBuilderException.class) || has(cause, CertPathValidatorException.class)) {
            return "TLS handshake with " + host + " failed: the server's certificate is not trusted (PKIX: "
                   + reason(cause) + "); give sslContextParameters a truststore that holds the certificate or its CA";
        }
        if (has(cause, SSLException.class)) {
            return "TLS handshake with " + host + " failed: " + reason(cause);
        }
        if (has(cause, ConnectException.class)) {
            return "could not connect to " + host + ": " + reason(cause);
        }
        if (has(cause, UnknownHostException.class)) {
            return "unknown host " + host + ": " + reason(cause);
        }
        if (has(cause, SocketTimeoutException.class)) {
            return "no answer from " + host + " in time: " + reason(cause);
        }
        return "request to " + host + " failed: " + cause;
    }

    /** The JDK's own host-name check (endpoint identification) fails with a CertificateException naming the host. */
    private static boolean hostNameMismatch(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CertificateException && t.getMessage() != null
                && t.getMessage().contains("subject alternative name")) {
                return true;
            }
        }
        return false;
    }

    static boolean has(Throwable cause, Class<? extends Throwable> type) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message: the one that names the actual problem. */
    private static String reason(Throwable cause) {
        String message = cause.toString();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }
}
