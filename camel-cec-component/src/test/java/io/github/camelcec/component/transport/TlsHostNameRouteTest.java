package io.github.camelcec.component.transport;

import java.nio.file.Path;

import io.github.camelcec.component.client.CecTransportException;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13 item 4: a trusted certificate issued for another host name is refused by host-name verification. */
class TlsHostNameRouteTest {

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create(b -> b.tlsHostName("wrong.example"));

    @TempDir
    static Path dir;

    @Test
    void aTrustedCertificateForAnotherHostFailsNamingHostNameVerification() throws Exception {
        CecSimulator sim = SIM.simulator();
        SSLContextParameters tls = TlsRouteTest.trusting(sim, dir.resolve("wrong-host.p12"));
        try (TransportRoutes routes = new TransportRoutes(sim, "cec:send",
                c -> c.getConfiguration().setSslContextParameters(tls))) {
            Exchange sent = routes.send("hello", "host-checking-user");

            assertThat(sent.getException()).isInstanceOf(CecTransportException.class);
            assertThat(sent.getException().getMessage())
                    .contains("TLS host-name verification of 127.0.0.1:" + sim.port() + " failed")
                    .contains("Certificate for <127.0.0.1> doesn't match");
            assertThat(sim.journal().total()).isZero();
        }
    }
}
