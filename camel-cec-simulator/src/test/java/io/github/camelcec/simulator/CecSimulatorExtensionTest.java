package io.github.camelcec.simulator;

import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The JUnit 5 extension: configured once, one server for the class, a reset before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CecSimulatorExtensionTest {

    @RegisterExtension
    static CecSimulatorExtension SIM = CecSimulatorExtension.create(b -> b.appKey("ext-key").customerTokenTtl(Duration.ofMinutes(1)));

    static int firstPort;

    @Test
    @Order(1)
    void startsConfiguredAndInjectsTheSimulator(CecSimulator injected) {
        assertThat(injected).isSameAs(SIM.simulator());
        assertThat(injected.appKey()).isEqualTo("ext-key");
        assertThat(injected.baseUrl()).isEqualTo("http://127.0.0.1:" + injected.port());
        firstPort = injected.port();
        SimClient client = new SimClient(injected).login();
        client.send(client.applyToken("u1"), "u1", "CONNECT", "");
        injected.setWorkingHours(false);
        assertThat(injected.journal().total()).isEqualTo(3);
    }

    @Test
    @Order(2)
    void resetsBetweenTestsButKeepsTheServer() {
        CecSimulator sim = SIM.simulator();
        assertThat(sim.port()).isEqualTo(firstPort);
        assertThat(sim.journal().total()).isZero();
        assertThat(sim.session("u1")).isNull();
        assertThat(sim.currentCustomerToken("u1")).isEmpty();
        assertThat(sim.liveSessionCount()).isZero();
        SimClient client = new SimClient(sim).login();
        assertThat(client.send(client.applyToken("u1"), "u1", "CONNECT", "").field("resultCode")).isEqualTo("0");
    }
}
