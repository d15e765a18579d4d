package io.github.camelcec.simulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone entry point: options, the one line it prints, and a plain client driving it. */
class CecSimulatorMainTest {

    @Test
    void startsWithOptionsAndServesAPlainClient() {
        CecSimulator sim = CecSimulatorMain.parse(new String[] {"--port", "0", "--host", "127.0.0.1", "--app-key", "k",
                "--app-secret", "s", "--channel-config-id", "c", "--customer-token-ttl", "60"});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CecSimulatorMain.start(sim, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .isEqualTo("CEC simulator listening on http://127.0.0.1:" + sim.port() + System.lineSeparator());
            assertThat(sim.port()).isPositive();
            assertThat(sim.appKey()).isEqualTo("k");
            assertThat(sim.appSecret()).isEqualTo("s");
            assertThat(sim.channelConfigId()).isEqualTo("c");

            SimClient client = new SimClient(sim).login();
            String token = client.applyToken("u1");
            assertThat(client.send(token, "u1", "CONNECT", "").field("resultCode")).isEqualTo("0");
            assertThat(client.poll(token, "u1").json().get("downlinkMessages").get(0).get("sourceType").asText())
                    .isEqualTo("ROBOT");
        } finally {
            sim.close();
        }
    }

    @Test
    void tlsServesHttpsAndSaysSo() {
        CecSimulator sim = CecSimulatorMain.parse(new String[] {"--tls", "--port", "0"});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CecSimulatorMain.start(sim, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .isEqualTo("CEC simulator listening on https://127.0.0.1:" + sim.port() + System.lineSeparator());
            assertThat(sim.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
        } finally {
            sim.close();
        }
        assertThatThrownBy(() -> CecSimulatorMain.parse(new String[] {"--tls-keystore", "k.p12"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tls-keystore-password");
        assertThatThrownBy(() -> CecSimulatorMain.parse(new String[] {"--tls-keystore-password", "pw"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tls-keystore");
    }

    @Test
    void defaultsToPort8888AndTheBuilderDefaults() {
        CecSimulator sim = CecSimulatorMain.parse(new String[0]);
        assertThat(sim.appKey()).isEqualTo("demo-app-key");
        assertThat(sim.appSecret()).isEqualTo("demo-app-secret");
        assertThat(sim.channelConfigId()).isEqualTo("demo-channel-config");
        assertThatThrownBy(sim::port).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void helpAndBadOptions() {
        assertThat(CecSimulatorMain.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> CecSimulatorMain.parse(new String[] {"--port"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CecSimulatorMain.parse(new String[] {"--port", "x"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CecSimulatorMain.parse(new String[] {"--colour", "red"})).isInstanceOf(IllegalArgumentException.class);
    }
}
