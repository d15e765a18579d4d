package io.github.camelcec.simulator;

import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outage windows on the simulator's clock: an operation (or all) answers a status or is reset until the window ends. */
class OutageTest {

    static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    static CecSimulatorExtension SIM = CecSimulatorExtension.create(b -> b.clock(CLOCK).customerTokenTtl(Duration.ofDays(1)));

    CecSimulator sim;
    SimClient client;
    String token;

    @BeforeEach
    void connect(CecSimulator simulator) {
        sim = simulator;
        client = new SimClient(sim).login();
        token = client.applyToken("u1");
        client.send(token, "u1", "CONNECT", "");
    }

    @Test
    void anOperationAnswers503UntilTheWindowEnds() {
        sim.faults().on(CecOperation.SEND).outage(Duration.ofSeconds(20), OutageKind.STATUS);
        assertThat(client.send(token, "u1", "CHAT", "x").status()).isEqualTo(503);
        assertThat(client.poll(token, "u1").status()).isEqualTo(200);
        CLOCK.advance(Duration.ofSeconds(19));
        assertThat(client.send(token, "u1", "CHAT", "x").status()).isEqualTo(503);
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(client.send(token, "u1", "CHAT", "x").field("resultCode")).isEqualTo("0");
        assertThat(sim.journal().entries(CecOperation.SEND)).extracting(JournalEntry::httpStatus).containsExactly(200, 503, 503, 200);
    }

    @Test
    void resetAndAlternateCloseConnections() {
        // POST: the JDK client retries an idempotent GET once on a reset
        sim.faults().on(CecOperation.SEND).outage(Duration.ofSeconds(10), OutageKind.RESET);
        assertThatThrownBy(() -> client.send(token, "u1", "CHAT", "x")).isInstanceOf(UncheckedIOException.class);
        CLOCK.advance(Duration.ofSeconds(10));
        assertThat(client.send(token, "u1", "CHAT", "x").status()).isEqualTo(200);

        sim.faults().on(CecOperation.SEND).outage(Duration.ofSeconds(10), OutageKind.ALTERNATE, 502);
        assertThat(client.send(token, "u1", "CHAT", "x").status()).isEqualTo(502);
        assertThatThrownBy(() -> client.send(token, "u1", "CHAT", "x")).isInstanceOf(UncheckedIOException.class);
        assertThat(client.send(token, "u1", "CHAT", "x").status()).isEqualTo(502);
        sim.faults().on(CecOperation.SEND).endOutage();
        assertThat(client.send(token, "u1", "CHAT", "x").status()).isEqualTo(200);
    }

    @Test
    void allOperationsAndTheAdminEndpoint() {
        assertThat(client.send("POST", "/admin/faults", Map.of(), "{\"outageMs\":5000}").status()).isEqualTo(200);
        assertThat(client.poll(token, "u1").status()).isEqualTo(503);
        assertThat(client.send(token, "u1", "CHAT", "x").status()).isEqualTo(503);
        CLOCK.advance(Duration.ofSeconds(5));
        assertThat(client.poll(token, "u1").status()).isEqualTo(200);

        assertThat(client.send("POST", "/admin/faults", Map.of(),
                "{\"operation\":\"POLL\",\"outageMs\":5000,\"outageKind\":\"STATUS\",\"status\":500}").status()).isEqualTo(200);
        assertThat(client.poll(token, "u1").status()).isEqualTo(500);
        assertThat(client.send("POST", "/admin/faults", Map.of(), "{\"outageMs\":5000,\"outageKind\":\"SOMETIMES\"}").json()
                .get("message").asText()).isEqualTo("outageKind must be STATUS, RESET or ALTERNATE, was SOMETIMES");
        sim.reset();
        connect(sim);
        assertThat(client.poll(token, "u1").status()).isEqualTo(200);
    }

    @Test
    void badWindowsAreRefused() {
        OperationFaults faults = sim.faults().on(CecOperation.POLL);
        assertThatThrownBy(() -> faults.outage(Duration.ZERO, OutageKind.STATUS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("outage duration must be positive, was PT0S");
        assertThatThrownBy(() -> faults.outage(Duration.ofSeconds(1), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outage kind");
        assertThatThrownBy(() -> faults.outage(Duration.ofSeconds(1), OutageKind.STATUS, 42)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an HTTP status: 42");
    }
}
