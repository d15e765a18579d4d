package io.github.camelcec.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.simulator.faults.MalformedAnswersTest;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The malformedRate poll fault (cec-api.md §3.2): the real messages, handed out once, some with a damaged field. */
class MalformedPollTest {

    static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    static CecSimulatorExtension SIM = CecSimulatorExtension.create(b -> b.clock(CLOCK));

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
    void aMalformedAnswerCarriesTheQueuedMessagesAndDrainsTheQueue() {
        for (int i = 0; i < 3; i++) {
            sim.sendAgentMessage("u1", "m" + i);
        }
        sim.faults().on(CecOperation.POLL).malformedRate(1.0);
        SimClient.Answer answer = client.poll(token, "u1");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.field("resultCode")).isEqualTo("0");
        JsonNode messages = answer.json().get("downlinkMessages");
        assertThat(messages).hasSize(4);
        assertThat(messages).extracting(m -> m.get("messageCode").asText()).doesNotHaveDuplicates().allMatch(c -> !c.isBlank());
        assertThat(messages).anyMatch(MalformedAnswersTest::hasAFieldOfTheWrongType);
        assertThat(sim.session("u1").queuedDownlinks()).isZero();
        assertThat(client.poll(token, "u1").json().get("downlinkMessages")).isEmpty();
        assertThat(sim.journal().entries(CecOperation.POLL)).extracting(JournalEntry::resultCode).containsExactly("0", "0");
    }

    @Test
    void theSameSeedDamagesTheSameFields() {
        List<List<Map<String, String>>> first = run(7);
        sim.reset();
        connect(sim);
        List<List<Map<String, String>>> second = run(7);
        assertThat(first).isEqualTo(second).hasSize(5);
        assertThat(first).allMatch(answer -> !answer.isEmpty());
    }

    /** Five polls of two messages each under malformedRate 0.5; per message, each field's JSON type. */
    private List<List<Map<String, String>>> run(long seed) {
        client.poll(token, "u1");
        sim.faults().seed(seed);
        sim.faults().on(CecOperation.POLL).malformedRate(0.5);
        List<List<Map<String, String>>> shapes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sim.sendAgentMessage("u1", "a" + i);
            sim.sendAgentMessage("u1", "b" + i);
            List<Map<String, String>> answer = new ArrayList<>();
            for (JsonNode message : client.poll(token, "u1").json().get("downlinkMessages")) {
                Map<String, String> shape = new LinkedHashMap<>();
                message.properties().forEach(f -> shape.put(f.getKey(), f.getValue().getNodeType().name()));
                answer.add(shape);
            }
            shapes.add(answer);
        }
        return shapes;
    }

    @Test
    void theAdminEndpointArmsItAndResetDisarmsIt() {
        assertThat(client.send("POST", "/admin/faults", Map.of(), "{\"operation\":\"POLL\",\"malformedRate\":1.0}").status())
                .isEqualTo(200);
        assertThat(client.poll(token, "u1").json().get("downlinkMessages")).anyMatch(MalformedAnswersTest::hasAFieldOfTheWrongType);
        assertThat(client.send("POST", "/admin/faults", Map.of(), "{\"malformedRate\":2}").json().get("message").asText())
                .contains("rate must be within 0..1, was 2.0");
        sim.reset();
        connect(sim);
        assertThat(client.poll(token, "u1").json().get("downlinkMessages")).noneMatch(MalformedAnswersTest::hasAFieldOfTheWrongType);
    }
}
