package io.github.camelcec.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The /admin endpoints a standalone simulator is driven with. */
class AdminApiTest {

    @RegisterExtension
    static CecSimulatorExtension SIM = CecSimulatorExtension.create();

    @Test
    void drivesTheAgentDeskSwitchesFaultsAndJournal(CecSimulator sim) {
        SimClient client = new SimClient(sim).login();
        String token = client.applyToken("u1");
        client.send(token, "u1", "CONNECT", "");
        client.poll(token, "u1");

        assertThat(client.send("POST", "/admin/agent/u1/messages", Map.of(), "{\"text\":\"hi from admin\"}").status()).isEqualTo(200);
        assertThat(client.poll(token, "u1").json().get("downlinkMessages").get(0).get("content").asText()).isEqualTo("hi from admin");
        assertThat(client.send("POST", "/admin/agent/nobody/messages", Map.of(), "{\"text\":\"x\"}").status()).isEqualTo(409);

        JsonNode sessions = client.get("/admin/sessions", Map.of()).json();
        assertThat(sessions.get(0).get("userId").asText()).isEqualTo("u1");
        assertThat(sessions.get(0).get("mode").asText()).isEqualTo("ROBOT");

        assertThat(client.send("POST", "/admin/faults", Map.of(), "{\"operation\":\"POLL\",\"failNext\":1,\"status\":503}").status())
                .isEqualTo(200);
        assertThat(client.poll(token, "u1").status()).isEqualTo(503);
        assertThat(client.send("POST", "/admin/faults", Map.of(), "{\"operation\":\"NOPE\",\"failNext\":1}").status()).isEqualTo(400);
        client.send("POST", "/admin/faults", Map.of(), "{\"failNext\":1,\"status\":500}");
        client.send("DELETE", "/admin/faults", Map.of(), null);
        assertThat(client.poll(token, "u1").status()).isEqualTo(200);

        client.send("POST", "/admin/working-hours?open=false", Map.of(), "");
        assertThat(client.send(token, "u1", "TRANS2AGENT", "").field("resultCode")).isEqualTo("12");

        JsonNode counters = client.get("/admin/counters", Map.of()).json();
        assertThat(counters.get("POLL").asLong()).isEqualTo(sim.journal().count(CecOperation.POLL));
        assertThat(counters.get("total").asLong()).isEqualTo(sim.journal().total());
        JsonNode journal = client.get("/admin/journal", Map.of()).json();
        assertThat(journal).hasSize(sim.journal().entries().size());
        assertThat(journal.get(0).get("operation").asText()).isEqualTo("TOKEN_BY_AKSK");

        assertThat(client.send("POST", "/admin/agent/u1/disconnect", Map.of(), "").status()).isEqualTo(200);
        assertThat(sim.liveSessionCount()).isZero();
        assertThat(client.get("/admin/nope", Map.of()).status()).isEqualTo(404);
        assertThat(client.send("POST", "/admin/reset", Map.of(), "").status()).isEqualTo(200);
        assertThat(sim.journal().total()).isZero();
        assertThat(sim.session("u1")).isNull();
    }

    @Test
    void canBeTurnedOff() {
        try (CecSimulator sim = CecSimulator.builder().adminEnabled(false).build().start()) {
            assertThat(new SimClient(sim).get("/admin/sessions", Map.of()).status()).isEqualTo(404);
        }
    }
}
