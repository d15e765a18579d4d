package io.github.camelcec.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelcec.simulator.SimClient.Answer;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import io.github.camelcec.simulator.samples.SampleAnswers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference's own sample requests (src/test/resources/fixtures), sent as printed except for the ids that must be
 * this simulator's (user, channel configuration, file); each answer carries the sample response's fields.
 */
class SampleFixturesTest {

    @RegisterExtension
    static CecSimulatorExtension SIM = CecSimulatorExtension.create(b -> b.channelConfigId("1011577355744904195"));

    CecSimulator sim;
    SimClient client;

    @BeforeEach
    void login(CecSimulator simulator) {
        sim = simulator;
        client = new SimClient(sim).login();
    }

    /** A request sample from src/test/resources/fixtures, or a response sample from {@link SampleAnswers}. */
    static ObjectNode fixture(String name) {
        if (SampleAnswers.names().contains(name)) {
            try {
                return (ObjectNode) SimClient.JSON.readTree(SampleAnswers.text(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (InputStream in = SampleFixturesTest.class.getResourceAsStream("/fixtures/" + name)) {
            return (ObjectNode) SimClient.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Answer post(CecOperation op, String token, JsonNode body) {
        return client.post(op, token == null ? client.gateway() : client.withToken(token), body.toString());
    }

    private String applySample(String userId) {
        ObjectNode req = fixture("3.2-applyToken-request.json");
        req.put("userId", userId).put("channelId", sim.channelConfigId());
        Answer a = post(CecOperation.APPLY_TOKEN, null, req);
        assertThat(a.field("resultCode")).isEqualTo("0");
        return a.field("token");
    }

    @Test
    void tokenByAkSkAnswersTheSampleFields() {
        ObjectNode req = fixture("2-tokenByAkSk-request.json");
        req.put("app_key", sim.appKey()).put("app_secret", sim.appSecret());
        Answer a = client.post(CecOperation.TOKEN_BY_AKSK, java.util.Map.of("X-Token-Expire", "600"), req.toString());
        assertThat(fields(a.json())).isEqualTo(fields(fixture("2-tokenByAkSk-response.json")));
        assertThat(a.field("Expires")).isEqualTo("600");
    }

    @Test
    void sendSamplesInOrderThenPollMatchesTheSampleMessages() {
        // the sample's userId has 40 characters; applyToken allows 1-32 (vendor docs cec_07_2214), see docs/simulator.md
        String user = "session_1619573111751_user_1619";
        String token = applySample(user);
        for (String kind : new String[] {"connect", "chat", "trans2agent"}) {
            Answer a = post(CecOperation.SEND, token, fixture("7.2-send-" + kind + "-request.json").put("from", user));
            JsonNode expected = fixture("7.2-send-" + kind + "-response.json");
            assertThat(a.json()).as(kind).isEqualTo(expected);
        }
        JsonNode poll = client.poll(token, user).json();
        JsonNode sample = fixture("5.2-poll-response.json");
        assertThat(fields(poll)).containsExactlyInAnyOrderElementsOf(fields(sample));
        JsonNode messages = poll.get("downlinkMessages");
        assertThat(messages).hasSize(3);
        for (JsonNode m : messages) {
            assertThat(fields(m)).containsAll(fields(sample.get("downlinkMessages").get(0)));
        }
        assertThat(messages.get(0).get("content")).isEqualTo(sample.get("downlinkMessages").get(0).get("content"));
        assertThat(messages.get(2).get("content")).isEqualTo(sample.get("downlinkMessages").get(2).get("content"));
        // the applyToken sample asks for locale zh: system messages then come from "系统", as in the poll sample
        assertThat(messages.get(2).get("senderNickname")).isEqualTo(sample.get("downlinkMessages").get(2).get("senderNickname"));
        assertThat(messages.get(0).get("robotGender")).isEqualTo(sample.get("downlinkMessages").get(0).get("robotGender"));

        String other = "session_1619573842490_user_1619";
        String otherToken = applySample(other);
        post(CecOperation.SEND, otherToken, fixture("7.2-send-connect-request.json").put("from", other));
        assertThat(post(CecOperation.SEND, otherToken, fixture("7.2-send-disconnect-request.json").put("from", other)).json())
                .isEqualTo(fixture("7.2-send-disconnect-response.json"));
    }

    @Test
    void queueInfoSampleAfterTransfer() {
        String token = applySample("xxxx");
        client.send(token, "xxxx", "CONNECT", "");
        client.send(token, "xxxx", "TRANS2AGENT", "");
        ObjectNode req = fixture("4.2-queryQueueInfo-request.json").put("channelConfigId", sim.channelConfigId());
        Answer a = post(CecOperation.QUERY_QUEUE_INFO, token, req);
        assertThat(fields(a.json())).isEqualTo(fields(fixture("4.2-queryQueueInfo-response.json")));
        assertThat(a.field("resultCode")).isEqualTo("0");
    }

    @Test
    void satisfactionSample() {
        String token = applySample("XXXXXXXX");
        client.send(token, "XXXXXXXX", "CONNECT", "");
        ObjectNode req = fixture("6.2-saveSatisfaction-request.json").put("channelConfigId", sim.channelConfigId());
        Answer a = post(CecOperation.SAVE_SATISFACTION, token, req);
        assertThat(fields(a.json())).containsAll(fields(fixture("6.2-saveSatisfaction-response.json")));
        assertThat(a.field("returnCode")).isEqualTo("0");
    }

    @Test
    void uploadSampleIsNotDecodableAsPrintedAndDownloadAnswersTheSampleShape() {
        String token = applySample("u1");
        ObjectNode req = fixture("8.2-uploadFileStream-request.json");
        assertThat(post(CecOperation.UPLOAD_FILE, token, req).field("returnCode")).isEqualTo("13");
        Answer up = post(CecOperation.UPLOAD_FILE, token, req.put("fileStream", "/9j/4AAQSkZJRgABAQEAYABgAAD/2w=="));
        assertThat(fields(up.json())).isEqualTo(fields(fixture("8.2-uploadFileStream-response.json")));

        ObjectNode down = fixture("9.2-downloadFileStream-request.json").put("fileId", up.field("objectKey"));
        Answer a = post(CecOperation.DOWNLOAD_FILE, token, down);
        assertThat(fields(a.json())).containsAll(fields(fixture("9.2-downloadFileStream-response.json")));
        assertThat(a.field("fileStream")).isEqualTo("/9j/4AAQSkZJRgABAQEAYABgAAD/2w==");
    }

    @Test
    void phrasesSampleAnswersTheSampleList() {
        String token = applySample("u1");
        Answer a = post(CecOperation.QUERY_PHRASES, token, fixture("10.2-queryPhraseByKeyword-request.json"));
        assertThat(a.json()).isEqualTo(fixture("10.2-queryPhraseByKeyword-response.json"));
    }

    @Test
    void clickToCallSamples() {
        String token = applySample("u1");
        Answer created = post(CecOperation.CREATE_CLICK_TO_CALL, token, fixture("11.1-createClickToCall-request.json"));
        assertThat(created.json()).isEqualTo(fixture("11.1-createClickToCall-response.json"));
        JsonNode event = client.get("/apiaccess/ccmessaging/getClickToCallEvents?channel=WEB", client.withToken(token)).json();
        assertThat(fields(event)).containsExactly("resultCode", "resultDesc", "eventId", "content");
        assertThat(event.get("eventId").asLong()).isEqualTo(168101);
        assertThat(fields(event.get("content"))).containsExactlyInAnyOrder("domain", "gwAddresses", "accessCode", "clickToCallCaller");
        JsonNode support = client.get("/apiaccess/ccmessaging/checkClickToCallSupport?channel=WEB", client.withToken(token)).json();
        assertThat(support).isEqualTo(fixture("13.1-checkClickToCallSupport-response.json"));
        assertThat(post(CecOperation.DROP_CLICK_TO_CALL, token, fixture("14.1-dropClickToCall-request.json")).json())
                .isEqualTo(fixture("14.1-dropClickToCall-response.json"));
    }

    @Test
    void leaveMessageCreateCallAndFeedbackSamples() {
        String token = applySample("1111111");
        assertThat(post(CecOperation.LEAVE_MESSAGE, token, fixture("15.1-doLeaveMessage-request.json")).json())
                .isEqualTo(fixture("15.1-doLeaveMessage-response.json"));
        Answer call = post(CecOperation.CREATE_CALL, null, fixture("16.1-createcall-request.json"));
        assertThat(call.header("content-encoding")).isEqualTo("gzip");
        JsonNode sample = fixture("16.1-createcall-response.json");
        assertThat(fields(call.json())).isEqualTo(fields(sample));
        assertThat(fields(call.json().get("resultData"))).containsAll(fields(sample.get("resultData")));
        assertThat(call.json().get("resultData").get("sipServiceAddress")).isEqualTo(sample.get("resultData").get("sipServiceAddress"));
        assertThat(post(CecOperation.ROBOT_FEEDBACK, token, fixture("17.1-feedbacksatisfaction-request.json")).json())
                .isEqualTo(fixture("17.1-feedbacksatisfaction-response.json"));
    }
}
