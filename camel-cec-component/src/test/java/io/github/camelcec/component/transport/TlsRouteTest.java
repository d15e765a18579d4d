package io.github.camelcec.component.transport;

import java.nio.file.Path;

import io.github.camelcec.component.client.CecTransportException;
import io.github.camelcec.component.client.CecValidationException;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13 item 4: cec: over HTTPS against the simulator's certificate, trusted, untrusted and for another host. */
class TlsRouteTest {

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create(CecSimulator.Builder::tls);

    @TempDir
    static Path dir;

    private CecSimulator sim;

    @BeforeEach
    void simulator() {
        sim = SIM.simulator();
        assertThat(sim.baseUrl()).startsWith("https://127.0.0.1:");
    }

    @Test
    void sslContextParametersWithTheSimulatorsTruststoreMakeSendWork() throws Exception {
        SSLContextParameters tls = trusting(sim, dir.resolve("endpoint.p12"));
        try (TransportRoutes routes = new TransportRoutes(sim, "cec:send",
                c -> c.getConfiguration().setSslContextParameters(tls))) {
            Exchange sent = routes.send("hello over TLS", "tls-user");

            assertThat(sent.getException()).isNull();
            assertThat(sim.journal().count(CecOperation.SEND)).isEqualTo(2); // CONNECT, then the text
        }
    }

    @Test
    void camelsGlobalSslContextParametersWorkWhenTheComponentUsesThem() throws Exception {
        SSLContextParameters tls = trusting(sim, dir.resolve("global.p12"));
        try (TransportRoutes routes = new TransportRoutes(sim, "cec:send",
                ctx -> ctx.setSSLContextParameters(tls),
                c -> c.setUseGlobalSslContextParameters(true))) {
            Exchange sent = routes.send("hello with the global context", "global-user");

            assertThat(sent.getException()).isNull();
            assertThat(sim.journal().count(CecOperation.SEND)).isEqualTo(2);
        }
    }

    @Test
    void anUntrustedCertificateFailsWithATransportExceptionSayingSo() throws Exception {
        try (TransportRoutes routes = new TransportRoutes(sim, "cec:send", c -> {
        })) {
            Exchange sent = routes.send("hello", "untrusting-user");

            assertThat(sent.getException()).isInstanceOf(CecTransportException.class);
            assertThat(sent.getException().getMessage())
                    .contains("TLS handshake with 127.0.0.1:" + sim.port() + " failed")
                    .contains("not trusted")
                    .contains("PKIX");
            assertThat(sim.journal().total()).isZero();
        }
    }

    @Test
    void plainHttpToAHostOtherThanLoopbackIsStillRefused() {
        assertThatThrownBy(() -> new TransportRoutes(sim, "cec:send?baseUrl=http://cec.example.com", c -> {
        }).close())
                .rootCause()
                .isInstanceOf(CecValidationException.class)
                .hasMessageContaining("'baseUrl'")
                .hasMessageContaining("must use https")
                .hasMessageContaining("http://cec.example.com");
    }

    /** Camel's SSL parameters over the PKCS12 truststore the simulator writes. */
    static SSLContextParameters trusting(CecSimulator sim, Path file) {
        sim.writeTrustStore(file, "changeit");
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + file);
        store.setPassword("changeit");
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }
}
