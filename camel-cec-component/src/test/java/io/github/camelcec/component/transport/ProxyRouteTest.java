package io.github.camelcec.component.transport;

import java.nio.file.Path;

import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConfiguration;
import io.github.camelcec.component.client.CecProxyAuthenticationException;
import io.github.camelcec.component.client.CecValidationException;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13 item 5: every request to CEC through a real forward proxy: plain HTTP forwarded, HTTPS tunnelled by CONNECT,
 * Basic proxy authentication with right and wrong credentials. Loopback is not bypassed: the proxy sees each request.
 */
class ProxyRouteTest {

    private static final String PASSWORD = "proxy-pa55word-7c1e";

    @RegisterExtension
    final CecSimulatorExtension plain = CecSimulatorExtension.create();

    @RegisterExtension
    final CecSimulatorExtension https = CecSimulatorExtension.create(CecSimulator.Builder::tls);

    @TempDir
    Path dir;

    @Test
    void plainHttpGoesThroughTheProxy() throws Exception {
        CecSimulator sim = plain.simulator();
        try (ForwardProxy proxy = ForwardProxy.open();
             TransportRoutes routes = new TransportRoutes(sim, "cec:send", c -> via(c, proxy))) {
            Exchange sent = routes.send("hello through the proxy", "proxied-user");

            assertThat(sent.getException()).isNull();
            assertThat(sim.journal().count(CecOperation.SEND)).isEqualTo(2);
            String target = "http://127.0.0.1:" + sim.port() + "/";
            assertThat(proxy.forwarded())
                    .contains("POST " + target + "apigovernance/api/oauth/tokenByAkSk",
                            "POST " + target + "apiaccess/ccmessaging/applyToken",
                            "POST " + target + "apiaccess/ccmessaging/send")
                    .allMatch(line -> line.startsWith("POST " + target));
            assertThat(proxy.forwarded()).filteredOn(l -> l.endsWith("/send")).hasSize(2);
        }
    }

    @Test
    void httpsIsTunnelledWithConnect() throws Exception {
        CecSimulator sim = https.simulator();
        var tls = TlsRouteTest.trusting(sim, dir.resolve("proxied.p12"));
        try (ForwardProxy proxy = ForwardProxy.open();
             TransportRoutes routes = new TransportRoutes(sim, "cec:send", c -> {
                 via(c, proxy);
                 c.getConfiguration().setSslContextParameters(tls);
             })) {
            Exchange sent = routes.send("hello through the tunnel", "tunnelled-user");

            assertThat(sent.getException()).isNull();
            assertThat(sim.journal().count(CecOperation.SEND)).isEqualTo(2);
            assertThat(proxy.forwarded()).isNotEmpty().allMatch(l -> l.equals("CONNECT 127.0.0.1:" + sim.port()));
        }
    }

    @Test
    void theRightProxyCredentialsWorkForHttpAndHttps() throws Exception {
        CecSimulator sim = plain.simulator();
        CecSimulator tlsSim = https.simulator();
        var tls = TlsRouteTest.trusting(tlsSim, dir.resolve("authenticated.p12"));
        try (ForwardProxy proxy = ForwardProxy.requiring("cec-user", PASSWORD)) {
            try (TransportRoutes routes = new TransportRoutes(sim, "cec:send", c -> login(via(c, proxy), PASSWORD))) {
                assertThat(routes.send("hello", "authenticated-user").getException()).isNull();
            }
            try (TransportRoutes routes = new TransportRoutes(tlsSim, "cec:send", c -> {
                login(via(c, proxy), PASSWORD);
                c.getConfiguration().setSslContextParameters(tls);
            })) {
                assertThat(routes.send("hello", "authenticated-user").getException()).isNull();
            }
            assertThat(sim.journal().count(CecOperation.SEND)).isEqualTo(2);
            assertThat(tlsSim.journal().count(CecOperation.SEND)).isEqualTo(2);
        }
    }

    @Test
    void wrongProxyCredentialsFailClearlyWithoutThePassword() throws Exception {
        CecSimulator sim = plain.simulator();
        CecSimulator tlsSim = https.simulator();
        var tls = TlsRouteTest.trusting(tlsSim, dir.resolve("refused.p12"));
        try (ForwardProxy proxy = ForwardProxy.requiring("cec-user", PASSWORD)) {
            String wrong = "not-the-pa55word";
            try (TransportRoutes routes = new TransportRoutes(sim, "cec:send", c -> login(via(c, proxy), wrong))) {
                assertRefusedByProxy(routes.send("hello", "refused-user"), proxy, wrong);
            }
            try (TransportRoutes routes = new TransportRoutes(tlsSim, "cec:send", c -> {
                login(via(c, proxy), wrong);
                c.getConfiguration().setSslContextParameters(tls);
            })) {
                assertRefusedByProxy(routes.send("hello", "refused-user"), proxy, wrong);
            }
            assertThat(sim.journal().total()).isZero();
            assertThat(tlsSim.journal().total()).isZero();
        }
    }

    @Test
    void noCredentialsForAnAuthenticatingProxySaysTheyAreRequired() throws Exception {
        CecSimulator sim = plain.simulator();
        try (ForwardProxy proxy = ForwardProxy.requiring("cec-user", PASSWORD);
             TransportRoutes routes = new TransportRoutes(sim, "cec:send", c -> via(c, proxy))) {
            Exchange sent = routes.send("hello", "anonymous-user");

            assertThat(sent.getException()).isInstanceOf(CecProxyAuthenticationException.class)
                    .hasMessageContaining("HTTP 407")
                    .hasMessageContaining("the proxy requires credentials");
            assertThat(sim.journal().total()).isZero();
        }
    }

    @Test
    void aProxyHostWithoutAPortIsRefusedNamingProxyPort() {
        CecSimulator sim = plain.simulator();
        assertThatThrownBy(() -> new TransportRoutes(sim, "cec:send?proxyHost=127.0.0.1", c -> {
        }).close())
                .rootCause()
                .isInstanceOf(CecValidationException.class)
                .hasMessageContaining("'proxyPort'")
                .hasMessageContaining("must be from 1 to 65535 when proxyHost is set");
    }

    private static void assertRefusedByProxy(Exchange sent, ForwardProxy proxy, String password) {
        assertThat(sent.getException()).isInstanceOf(CecProxyAuthenticationException.class);
        CecProxyAuthenticationException e = (CecProxyAuthenticationException) sent.getException();
        assertThat(e.getStatusCode()).isEqualTo(407);
        assertThat(e.getMessage())
                .contains("proxy authentication failed at 127.0.0.1:" + proxy.port() + " for user cec-user")
                .doesNotContain(password)
                .doesNotContain(PASSWORD);
    }

    private static CecComponent via(CecComponent component, ForwardProxy proxy) {
        CecConfiguration config = component.getConfiguration();
        config.setProxyHost("127.0.0.1");
        config.setProxyPort(proxy.port());
        return component;
    }

    private static void login(CecComponent component, String password) {
        component.getConfiguration().setProxyAuthUsername("cec-user");
        component.getConfiguration().setProxyAuthPassword(password);
    }
}
