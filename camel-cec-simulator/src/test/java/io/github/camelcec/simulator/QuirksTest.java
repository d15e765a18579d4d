package io.github.camelcec.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.simulator.SimClient.Answer;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each cec-api.md §4 contradiction: the sample's spelling by default, the table's when switched off. */
class QuirksTest {

    @RegisterExtension
    static CecSimulatorExtension SIM = CecSimulatorExtension.create();

    CecSimulator sim;
    SimClient client;
    String token;

    @BeforeEach
    void login(CecSimulator simulator) {
        sim = simulator;
        client = new SimClient(sim).login();
        token = client.applyToken("u1");
        client.send(token, "u1", "CONNECT", "");
    }

    private Answer upload() {
        return client.post(CecOperation.UPLOAD_FILE, client.withToken(token),
                SimClient.json(Map.of("fileType", "jpg", "channel", "WEB", "fileStream", "AQID")));
    }

    private Answer satisfaction() {
        return client.post(CecOperation.SAVE_SATISFACTION, client.withToken(token), SimClient.json(Map.of("channel", "WEB",
                "userId", "u1", "evaluation", "4", "comment", "ok", "channelConfigId", sim.channelConfigId())));
    }

    @Test
    void returnCodeOnUploadAndSatisfaction() {
        assertThat(upload().json().has("returnCode")).isTrue();
        assertThat(upload().json().has("resultCode")).isFalse();
        assertThat(satisfaction().json().has("returnCode")).isTrue();
        sim.quirks().returnCodeOnUploadAndSatisfaction(false);
        assertThat(upload().field("resultCode")).isEqualTo("0");
        assertThat(upload().json().has("returnCode")).isFalse();
        assertThat(satisfaction().field("resultCode")).isEqualTo("0");
    }

    @Test
    void exceptionAppearedOnSatisfaction() {
        assertThat(satisfaction().field("resultDesc")).isEqualTo("Exception appeared!");
        assertThat(satisfaction().field("returnCode")).isEqualTo("0");
        sim.quirks().exceptionAppearedOnSatisfaction(false);
        assertThat(satisfaction().field("resultDesc")).isEqualTo("Save satisfaction success!");
    }

    @Test
    void questionForPhrases() {
        String body = SimClient.json(Map.of("strContent", "网格", "locale", "zh", "channel", "WEB"));
        assertThat(client.post(CecOperation.QUERY_PHRASES, client.withToken(token), body).json().has("question")).isTrue();
        sim.quirks().questionForPhrases(false);
        JsonNode answer = client.post(CecOperation.QUERY_PHRASES, client.withToken(token), body).json();
        assertThat(answer.has("question")).isFalse();
        assertThat(answer.get("phrases")).hasSize(5);
    }

    @Test
    void webRtcSupportedCapitalS() {
        String path = CecOperation.CHECK_CLICK_TO_CALL_SUPPORT.path() + "?channel=WEB";
        assertThat(client.get(path, client.withToken(token)).json().has("webRTCSupported")).isTrue();
        sim.quirks().webRtcSupportedCapitalS(false);
        JsonNode answer = client.get(path, client.withToken(token)).json();
        assertThat(answer.has("webRTCsupported")).isTrue();
        assertThat(answer.has("webRTCSupported")).isFalse();
    }

    @Test
    void gzipCreateCall() {
        String body = SimClient.json(Map.of("called", "88884432", "callerPresent", "95599"));
        Answer gzipped = client.post(CecOperation.CREATE_CALL, client.gateway(), body);
        assertThat(gzipped.header("content-encoding")).isEqualTo("gzip");
        assertThat(gzipped.raw().body()[0] & 0xff).isEqualTo(0x1f);
        assertThat(gzipped.field("resultCode")).isEqualTo("0");
        sim.quirks().gzipCreateCall(false);
        Answer plain = client.post(CecOperation.CREATE_CALL, client.gateway(), body);
        assertThat(plain.header("content-encoding")).isNull();
        assertThat(plain.field("resultCode")).isEqualTo("0");
    }

    @Test
    void numericTimestampsAndUpperCaseRobotGender() {
        JsonNode greeting = client.poll(token, "u1").json().get("downlinkMessages").get(0);
        assertThat(greeting.get("timestamp").isNumber()).isTrue();
        assertThat(greeting.get("robotGender").asText()).isEqualTo("MALE");
        sim.quirks().numericTimestamps(false);
        sim.quirks().upperCaseRobotGender(false);
        client.send(token, "u1", "CHAT", "hi");
        JsonNode answer = client.poll(token, "u1").json().get("downlinkMessages").get(0);
        assertThat(answer.get("timestamp").isTextual()).isTrue();
        assertThat(answer.get("timestamp").asText()).matches("[0-9]{13}");
        assertThat(answer.get("robotGender").asText()).isEqualTo("male");
    }

    @Test
    void numericEventId() {
        client.post(CecOperation.CREATE_CLICK_TO_CALL, client.withToken(token),
                SimClient.json(Map.of("channel", "WEB", "mediaAbility", "0")));
        String path = CecOperation.GET_CLICK_TO_CALL_EVENTS.path() + "?channel=WEB";
        assertThat(client.get(path, client.withToken(token)).json().get("eventId").isNumber()).isTrue();
        sim.quirks().numericEventId(false);
        assertThat(client.get(path, client.withToken(token)).json().get("eventId").isTextual()).isTrue();
    }

    @Test
    void resetRestoresTheDefaults() {
        sim.quirks().gzipCreateCall(false);
        sim.quirks().numericTimestamps(false);
        sim.reset();
        assertThat(sim.quirks().gzipCreateCall()).isTrue();
        assertThat(sim.quirks().numericTimestamps()).isTrue();
    }
}
