package io.github.camelcec.simulator;

import io.github.camelcec.simulator.SimClient.Answer;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** endSession: CEC drops a customer's session without a DISCONNECT downlink; the customer must CONNECT again. */
class EndSessionTest {

    @RegisterExtension
    static CecSimulatorExtension SIM = CecSimulatorExtension.create();

    CecSimulator sim;
    SimClient client;
    String token;

    @BeforeEach
    void connect(CecSimulator simulator) {
        sim = simulator;
        client = new SimClient(sim).login();
        token = client.applyToken("u1");
        client.send(token, "u1", "CONNECT", "");
        client.poll(token, "u1");
    }

    @Test
    void afterTheServerEndedTheSessionSendsAnswer13AndNothingIsQueued() {
        sim.sendAgentMessage("u1", "before the end");
        sim.endSession("u1");

        assertThat(sim.liveSessionCount()).isZero();
        assertThat(sim.session("u1").mode()).isEqualTo(SessionMode.ENDED);
        assertCode13(client.send(token, "u1", "CHAT", "hello?"), "sendUserMessage failed");
        assertCode13(client.send(token, "u1", "TRANS2AGENT", ""), "fail to transfer from robot to agent,session keep touch failed.");
        assertCode13(client.send(token, "u1", "INPUT", ""), "sendUserMessage failed");
        assertThat(queueInfo().field("resultCode")).isEqualTo("160004");
        // no DISCONNECT downlink: only what was queued before the end
        assertThat(client.poll(token, "u1").json().get("downlinkMessages"))
                .extracting(m -> m.get("content").asText()).containsExactly("before the end");
    }

    @Test
    void aNewConnectStartsAFreshSessionThatWorks() {
        String oldCallId = sim.session("u1").callId();
        sim.endSession("u1");
        assertThat(client.send(token, "u1", "CONNECT", "").field("resultCode")).isEqualTo("0");
        assertThat(sim.session("u1").callId()).isNotEqualTo(oldCallId);
        assertThat(client.send(token, "u1", "CHAT", "again").field("resultCode")).isEqualTo("0");
        assertThat(queueInfo().field("resultCode")).isEqualTo("4");
        assertThat(client.poll(token, "u1").json().get("downlinkMessages")).hasSize(2);
    }

    @Test
    void aDisconnectByTheCustomerStillAnswersItsOwnCodes() {
        client.send(token, "u1", "DISCONNECT", "");
        assertThat(queueInfo().field("resultCode")).isEqualTo("5");
        assertThat(client.send(token, "u1", "CHAT", "x").field("resultDesc")).isEqualTo("sendUserMessage failed: no session, send CONNECT first");
    }

    @Test
    void theAdminEndpointEndsASessionAndNeedsALiveOne() {
        assertThat(client.send("POST", "/admin/sessions/u1/end", Map.of(), "").status()).isEqualTo(200);
        assertThat(sim.liveSessionCount()).isZero();
        assertThat(client.send("POST", "/admin/sessions/u1/end", Map.of(), "").status()).isEqualTo(409);
        assertThat(client.send("POST", "/admin/sessions/nobody/end", Map.of(), "").status()).isEqualTo(409);
        assertThatThrownBy(() -> sim.endSession("u1")).isInstanceOf(IllegalStateException.class).hasMessageContaining("u1");
    }

    private static void assertCode13(Answer answer, String desc) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.field("resultCode")).isEqualTo("13");
        assertThat(answer.field("resultDesc")).isEqualTo(desc);
    }

    private Answer queueInfo() {
        return client.post(CecOperation.QUERY_QUEUE_INFO, client.withToken(token), SimClient.json(Map.of(
                "userId", "u1", "channelConfigId", sim.channelConfigId(), "channel", "WEB")));
    }
}
