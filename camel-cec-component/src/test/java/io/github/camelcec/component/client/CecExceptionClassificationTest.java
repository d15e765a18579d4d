package io.github.camelcec.component.client;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import io.github.camelcec.component.model.CecResult;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures a route may redeliver ({@link CecException#isTransient()}): CEC unreachable or overloaded is
 * transient, everything retrying cannot fix is permanent.
 */
class CecExceptionClassificationTest {

    @Test
    void noAnswerIsTransient() {
        assertThat(transport(new ConnectException("Connection refused")).isTransient()).as("refused").isTrue();
        assertThat(transport(new SocketException("Connection reset")).isTransient()).as("reset").isTrue();
        assertThat(transport(new ConnectionClosedException("Connection closed by peer")).isTransient())
                .as("closed without an answer").isTrue();
        assertThat(transport(new SocketTimeoutException("30,000 MILLISECONDS")).isTransient()).as("response timeout")
                .isTrue();
        assertThat(transport(new TimeoutException("deadline")).isTransient()).as("timeout").isTrue();
        assertThat(transport(new CancellationException()).isTransient()).as("cancelled while closing").isTrue();
        SSLHandshakeException terminated = new SSLHandshakeException("Remote host terminated the handshake");
        terminated.initCause(new EOFException("SSL peer shut down incorrectly"));
        assertThat(transport(terminated).isTransient()).as("reset during the TLS handshake").isTrue();
    }

    @Test
    void aCertificateCecDoesNotPassIsPermanent() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertificateException("unable to find valid certification path"));
        assertThat(transport(untrusted).isTransient()).as("untrusted certificate").isFalse();
        assertThat(transport(new SSLPeerUnverifiedException("Certificate for <cec.example.com> doesn't match"))
                .isTransient()).as("wrong host name").isFalse();
    }

    @Test
    void aFailureThatIsNoIoFailureIsPermanent() {
        assertThat(transport(new IllegalStateException("bug")).isTransient()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void serverTroubleAndTooManyRequestsAreTransient(int status) {
        assertThat(new CecHttpException("send", status, "busy").isTransient()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 405, 409, 413, 200})
    void otherStatusesArePermanent(int status) {
        assertThat(new CecHttpException("send", status, "unreadable JSON: <html>").isTransient()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void credentialsRefusedAfterTheRefreshArePermanent(int status) {
        assertThat(new CecAuthenticationException("send", status, "auth fail!").isTransient()).isFalse();
    }

    @Test
    void aTokenRequestThatMetAnOutageIsTransient() {
        assertThat(new CecAuthenticationException("tokenByAkSk", 503, "unavailable").isTransient()).isTrue();
        assertThat(new CecAuthenticationException("applyToken", 200, "no token issued: resultCode=1").isTransient())
                .isFalse();
    }

    @Test
    void flowControlIsTheOnlyTransientBusinessCode() {
        assertThat(business(CecResult.FLOW_CONTROL).isTransient()).isTrue();
        for (String code : new String[] {"1", "2", "3", "7", "12", "13", "401", "30010009999", "10010000001"}) {
            assertThat(business(code).isTransient()).as("resultCode " + code).isFalse();
        }
    }

    @Test
    void invalidInputIsPermanent() {
        assertThat(new CecValidationException("send", "userId", "must be 1 to 32 characters", "x".repeat(40))
                .isTransient()).isFalse();
    }

    @Test
    void aFailureOfNoKnownKindIsPermanent() {
        assertThat(new CecException("token", "no token source given").isTransient()).isFalse();
    }

    private static CecTransportException transport(Throwable cause) {
        return new CecTransportException("send", cause);
    }

    private static CecBusinessException business(String code) {
        CecResult result = new CecResult();
        result.setResultCode(code);
        result.setResultDesc("answered " + code);
        return new CecBusinessException("send", result, 200);
    }
}
