package io.github.camelcec.simulator;

import io.github.camelcec.simulator.SimClient.Answer;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Ref §1: paths without a trailing slash, JSON content type, HTTP 400/404/405. */
class HttpProtocolTest {

    @RegisterExtension
    static CecSimulatorExtension SIM = CecSimulatorExtension.create();

    @Test
    void unknownPathIs404AndJournaled(CecSimulator sim) {
        SimClient client = new SimClient(sim);
        assertThat(client.get("/apiaccess/ccmessaging/nope", Map.of()).status()).isEqualTo(404);
        assertThat(client.get(CecOperation.POLL.path() + "/", Map.of()).status()).isEqualTo(404);
        assertThat(sim.journal().entries()).hasSize(2).allSatisfy(e -> {
            assertThat(e.operation()).isNull();
            assertThat(e.httpStatus()).isEqualTo(404);
        });
        assertThat(sim.journal().total()).isEqualTo(2);
    }

    @Test
    void wrongMethodIs405(CecSimulator sim) {
        SimClient client = new SimClient(sim).login();
        Answer a = client.get(CecOperation.SEND.path(), client.gateway());
        assertThat(a.status()).isEqualTo(405);
        assertThat(a.header("allow")).isEqualTo("POST");
        assertThat(client.send("POST", CecOperation.POLL.path(), Map.of(), "{}").status()).isEqualTo(405);
    }

    @Test
    void malformedJsonIs400(CecSimulator sim) {
        SimClient client = new SimClient(sim).login();
        assertThat(client.post(CecOperation.APPLY_TOKEN, client.gateway(), "{not json").status()).isEqualTo(400);
        assertThat(client.post(CecOperation.APPLY_TOKEN, client.gateway(), "[1,2]").status()).isEqualTo(400);
        assertThat(client.post(CecOperation.TOKEN_BY_AKSK, Map.of(), "").status()).isEqualTo(400);
    }

    @Test
    void answersAreJsonUtf8(CecSimulator sim) {
        SimClient client = new SimClient(sim).login();
        String token = client.applyToken("u1");
        Answer a = client.poll(token, "u1");
        assertThat(a.header("content-type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(a.text()).isEqualTo("{\"resultCode\":\"0\",\"resultDesc\":\"query user messages success\",\"downlinkMessages\":[]}");
    }
}
