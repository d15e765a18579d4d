package io.github.camelcec.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.simulator.SimClient.Answer;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation's documented success and failure codes (ref §4, §6, §8-§17). */
class OperationsTest {

    @RegisterExtension
    static CecSimulatorExtension SIM = CecSimulatorExtension.create();

    CecSimulator sim;
    SimClient client;
    String token;

    @BeforeEach
    void login() {
        sim = SIM.simulator();
        client = new SimClient(sim).login();
        token = client.applyToken("u1");
    }

    private Answer post(CecOperation op, Map<String, ?> body) {
        return client.post(op, client.withToken(token), SimClient.json(body));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    // ref §8 upload, §9 download

    @Test
    void uploadThenDownloadRoundTrips() {
        byte[] content = "hello file".getBytes();
        Answer up = post(CecOperation.UPLOAD_FILE, map("fileType", "txt", "channel", "WEB",
                "fileStream", Base64.getEncoder().encodeToString(content)));
        assertThat(up.field("returnCode")).isEqualTo("0");
        String key = up.field("objectKey");
        assertThat(key).matches("[0-9a-f-]{36}");
        assertThat(sim.storedFile(key)).isEqualTo(content);

        Answer down = post(CecOperation.DOWNLOAD_FILE, map("fileId", key, "channel", "WEB", "fileType", "txt"));
        assertThat(down.field("resultCode")).isEqualTo("0");
        assertThat(Base64.getDecoder().decode(down.field("fileStream"))).isEqualTo(content);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png", "bpm", "bmp", "mp3", "aac", "mp4", "txt", "csv"})
    void uploadAcceptsTheReferenceFileTypes(String type) {
        assertThat(post(CecOperation.UPLOAD_FILE, map("fileType", type, "channel", "WEB", "fileStream", "AQID"))
                .field("returnCode")).isEqualTo("0");
    }

    @Test
    void uploadFailureCodes() {
        assertThat(post(CecOperation.UPLOAD_FILE, map("fileType", "jpg", "channel", "WEB")).field("returnCode")).isEqualTo("2");
        assertThat(post(CecOperation.UPLOAD_FILE, map("fileType", "exe", "channel", "WEB", "fileStream", "AQID"))
                .field("returnCode")).isEqualTo("3");
        assertThat(post(CecOperation.UPLOAD_FILE, map("fileType", "jpg", "channel", "WEB", "fileStream", "not base64!"))
                .field("returnCode")).isEqualTo("13");
    }

    @Test
    void downloadFailureCodes() {
        String key = post(CecOperation.UPLOAD_FILE, map("fileType", "jpg", "channel", "WEB", "fileStream", "AQID"))
                .field("objectKey");
        Answer nullKey = post(CecOperation.DOWNLOAD_FILE, map("fileId", "", "channel", "WEB", "fileType", "jpg"));
        assertThat(nullKey.status()).isEqualTo(200);
        assertThat(nullKey.field("resultCode")).isEqualTo("401");
        assertThat(nullKey.field("resultDesc")).isEqualTo("objectKey is null!");
        assertThat(post(CecOperation.DOWNLOAD_FILE, map("fileId", "unknown", "channel", "WEB", "fileType", "jpg"))
                .field("resultCode")).isEqualTo("13");
        assertThat(post(CecOperation.DOWNLOAD_FILE, map("fileId", key, "channel", "WEB", "fileType", "exe"))
                .field("resultCode")).isEqualTo("13");
        assertThat(post(CecOperation.DOWNLOAD_FILE, map("fileId", key, "fileType", "jpg")).field("resultCode")).isEqualTo("2");
        assertThat(post(CecOperation.DOWNLOAD_FILE, map("fileId", key, "channel", "WEB", "fileType", "pdf"))
                .field("resultCode")).isEqualTo("0");
    }

    // ref §6 saveSatisfaction

    @Test
    void satisfactionNeedsASessionAndValidFields() {
        Map<String, Object> good = map("channel", "WEB", "userId", "u1", "evaluation", "5", "comment", "满意",
                "channelConfigId", sim.channelConfigId());
        Answer noSession = post(CecOperation.SAVE_SATISFACTION, good);
        assertThat(noSession.field("returnCode")).isEqualTo("13");
        assertThat(noSession.field("resultDesc")).isEqualTo("The callIdString obtained failed!");

        client.send(token, "u1", "CONNECT", "");
        assertThat(post(CecOperation.SAVE_SATISFACTION, good).field("returnCode")).isEqualTo("0");
        for (Map<String, Object> bad : new Map[] {
                map("channel", "WEB", "userId", "u1", "evaluation", "6", "comment", "x", "channelConfigId", sim.channelConfigId()),
                map("channel", "WEB", "userId", "u1", "evaluation", "0", "comment", "x", "channelConfigId", sim.channelConfigId()),
                map("channel", "WEB", "userId", "u1", "evaluation", "3", "channelConfigId", sim.channelConfigId()),
                map("channel", "WEB", "userId", "u1", "evaluation", "3", "comment", "x".repeat(512), "channelConfigId", sim.channelConfigId()),
                map("channel", "WEB", "userId", "u1", "evaluation", "3", "comment", "x", "channelConfigId", "other")}) {
            Answer a = post(CecOperation.SAVE_SATISFACTION, bad);
            assertThat(a.field("returnCode")).as(bad.toString()).isEqualTo("13");
            assertThat(a.field("resultDesc")).isEqualTo("Save satisfaction failed");
        }
        assertThat(post(CecOperation.SAVE_SATISFACTION, map("channel", "WEB", "userId", "u1", "evaluation", "1",
                "comment", "x".repeat(511), "channelConfigId", sim.channelConfigId())).field("returnCode")).isEqualTo("0");
    }

    // ref §17 robot feedback

    @Test
    void robotFeedbackCodes() {
        assertThat(post(CecOperation.ROBOT_FEEDBACK, map("feedback", 1, "from", "u1", "interIdx", "2")).field("resultCode"))
                .isEqualTo("0");
        assertThat(post(CecOperation.ROBOT_FEEDBACK, map("feedback", 0, "feedbackContent", "dissatisfied", "from", "u1",
                "interIdx", "2")).field("resultCode")).isEqualTo("0");
        assertThat(post(CecOperation.ROBOT_FEEDBACK, map("feedback", 0, "feedbackContent", "", "from", "u1", "interIdx", "2"))
                .field("resultCode")).isEqualTo("30000000008");
        assertThat(post(CecOperation.ROBOT_FEEDBACK, map("feedback", 0, "from", "u1", "interIdx", "2")).field("resultCode"))
                .isEqualTo("30000000008");
        assertThat(post(CecOperation.ROBOT_FEEDBACK, map("feedback", 0, "feedbackContent", "x".repeat(65), "from", "u1",
                "interIdx", "2")).field("resultCode")).isNotEqualTo("0");
        assertThat(post(CecOperation.ROBOT_FEEDBACK, map("feedback", 2, "from", "u1", "interIdx", "2")).field("resultCode"))
                .isNotEqualTo("0");
    }

    // ref §4 queryQueueInfo

    @Test
    void queueInfoAfterTransferToAgent() {
        Map<String, Object> body = map("userId", "u1", "channelConfigId", sim.channelConfigId(), "channel", "WEB");
        assertThat(post(CecOperation.QUERY_QUEUE_INFO, body).field("resultCode")).isEqualTo("160001");
        client.send(token, "u1", "CONNECT", "");
        assertThat(post(CecOperation.QUERY_QUEUE_INFO, body).field("resultCode")).isEqualTo("4");
        client.send(token, "u1", "TRANS2AGENT", "");
        JsonNode info = post(CecOperation.QUERY_QUEUE_INFO, body).json();
        assertThat(info.get("resultCode").asText()).isEqualTo("0");
        for (String field : new String[] {"position", "totalWaitTime", "currentDeviceWaitTime", "configMaxcWaitTime",
                "longestWaitTime", "estimateWaitTime"}) {
            assertThat(info.get(field).isInt()).as(field).isTrue();
        }
        assertThat(info.get("position").asInt()).isEqualTo(1);
        client.send(token, "u1", "DISCONNECT", "");
        assertThat(post(CecOperation.QUERY_QUEUE_INFO, body).field("resultCode")).isEqualTo("5");
        assertThat(post(CecOperation.QUERY_QUEUE_INFO, map("userId", "u1", "channel", "WEB")).field("resultCode")).isEqualTo("1");
    }

    // ref §10 queryPhraseByKeyword

    @Test
    void phrasesMatchTheKeywordAndCheckTheLocale() {
        JsonNode all = post(CecOperation.QUERY_PHRASES, map("strContent", "网格", "locale", "zh", "channel", "WEB")).json();
        assertThat(all.get("resultCode").asText()).isEqualTo("0");
        assertThat(all.get("question")).hasSize(5);
        JsonNode some = post(CecOperation.QUERY_PHRASES, map("strContent", "登录", "locale", "zh", "channel", "WEB")).json();
        assertThat(some.get("question")).hasSize(3);
        assertThat(post(CecOperation.QUERY_PHRASES, map("strContent", "网格", "locale", "fr", "channel", "WEB"))
                .field("resultCode")).isEqualTo("1");
        assertThat(post(CecOperation.QUERY_PHRASES, map("locale", "zh", "channel", "WEB")).field("resultCode")).isEqualTo("1");
        sim.setPhraseSuggestions(java.util.List.of("How do I pay?", "Opening hours"));
        assertThat(post(CecOperation.QUERY_PHRASES, map("strContent", "PAY", "locale", "en", "channel", "WEB"))
                .json().get("question")).hasSize(1);
    }

    // ref §11-§14 click-to-call

    @Test
    void clickToCallLifecycle() {
        assertThat(client.get(CecOperation.GET_CLICK_TO_CALL_EVENTS.path() + "?channel=WEB", client.withToken(token))
                .field("resultCode")).isEqualTo("13");
        assertThat(post(CecOperation.DROP_CLICK_TO_CALL, map("channel", "WEB")).field("resultCode")).isEqualTo("13");
        Answer created = post(CecOperation.CREATE_CLICK_TO_CALL, map("channel", "WEB", "mediaAbility", "1"));
        assertThat(created.field("resultCode")).isEqualTo("0");
        assertThat(created.field("resultDesc")).isEqualTo("null");
        JsonNode event = client.get(CecOperation.GET_CLICK_TO_CALL_EVENTS.path() + "?channel=WEB", client.withToken(token)).json();
        assertThat(event.get("resultCode").asText()).isEqualTo("0");
        assertThat(event.get("eventId").isNumber()).isTrue();
        assertThat(event.get("content").get("gwAddresses").isArray()).isTrue();
        assertThat(event.get("content").get("accessCode").asText()).isNotBlank();
        assertThat(post(CecOperation.DROP_CLICK_TO_CALL, map("channel", "WEB")).field("resultCode")).isEqualTo("0");
        assertThat(post(CecOperation.DROP_CLICK_TO_CALL, map("channel", "WEB")).field("resultCode")).isEqualTo("13");
    }

    @Test
    void clickToCallFailureCodes() {
        assertThat(post(CecOperation.CREATE_CLICK_TO_CALL, map("channel", "WEB", "mediaAbility", "2")).field("resultCode"))
                .isEqualTo("13");
        sim.setWorkingHours(false);
        assertThat(post(CecOperation.CREATE_CLICK_TO_CALL, map("channel", "WEB", "mediaAbility", "0")).field("resultCode"))
                .isEqualTo("12");
        sim.setClickToCallSupported(false);
        assertThat(post(CecOperation.CREATE_CLICK_TO_CALL, map("channel", "WEB", "mediaAbility", "0")).field("resultCode"))
                .isEqualTo("7");
        JsonNode support = client.get(CecOperation.CHECK_CLICK_TO_CALL_SUPPORT.path() + "?channel=WEB", client.withToken(token)).json();
        assertThat(support.get("resultCode").asText()).isEqualTo("0");
        assertThat(support.get("clickToCallSupported").asBoolean()).isFalse();
        assertThat(support.get("webRTCSupported").isBoolean()).isTrue();
    }

    @Test
    void clickToCallIsAlsoServedAtTheSamplePathsWithoutV1() {
        Answer created = client.post(CecOperation.CREATE_CLICK_TO_CALL, client.withToken(token), "{}");
        assertThat(created.status()).isEqualTo(200);
        assertThat(client.send("POST", "/apiaccess/ccmessaging/createClickToCall", client.withToken(token),
                SimClient.json(map("channel", "WEB", "mediaAbility", "0"))).field("resultCode")).isEqualTo("0");
        assertThat(client.get("/apiaccess/ccmessaging/getClickToCallEvents?channel=WEB", client.withToken(token))
                .field("resultCode")).isEqualTo("0");
        assertThat(client.get("/apiaccess/ccmessaging/checkClickToCallSupport?channel=WEB", client.withToken(token))
                .field("resultCode")).isEqualTo("0");
        assertThat(client.send("POST", "/apiaccess/ccmessaging/dropClickToCall", client.withToken(token),
                SimClient.json(map("channel", "WEB"))).field("resultCode")).isEqualTo("0");
        assertThat(sim.journal().count(CecOperation.GET_CLICK_TO_CALL_EVENTS)).isEqualTo(1);
    }

    // ref §15 doLeaveMessage

    @Test
    void leaveMessageCodes() {
        assertThat(post(CecOperation.LEAVE_MESSAGE, map("callId", "11111222111", "caller", "1386667777",
                "leaveMessage", "请回复电话", "channel", "WEB")).field("resultCode")).isEqualTo("0");
        assertThat(post(CecOperation.LEAVE_MESSAGE, map("callId", "", "caller", "1386667777",
                "leaveMessage", "x", "channel", "WEB")).field("resultCode")).isEqualTo("2");
        assertThat(post(CecOperation.LEAVE_MESSAGE, map("callId", "1", "caller", "1386667777", "channel", "WEB"))
                .field("resultCode")).isEqualTo("2");
        assertThat(post(CecOperation.LEAVE_MESSAGE, map("callId", "1".repeat(25), "caller", "1386667777",
                "leaveMessage", "x", "channel", "WEB")).field("resultCode")).isEqualTo("3");
        assertThat(post(CecOperation.LEAVE_MESSAGE, map("callId", "1".repeat(24), "caller", "not a number",
                "leaveMessage", "x", "channel", "WEB")).field("resultCode")).isEqualTo("3");
    }

    // ref §16 createcall

    @Test
    void createCallAnswersResultDataAndValidates() {
        Answer ok = client.post(CecOperation.CREATE_CALL, client.gateway(),
                SimClient.json(map("called", "88884432", "callData", "1", "callerPresent", "95599")));
        assertThat(ok.field("resultCode")).isEqualTo("0");
        JsonNode data = ok.json().get("resultData");
        assertThat(data.get("sipServiceAddress").asText()).matches("[0-9.]+:[0-9]+");
        assertThat(data.get("accesscode").asText()).isNotBlank();
        assertThat(data.get("callSerialNo").asText().length()).isLessThanOrEqualTo(50);
        for (Map<String, Object> bad : new Map[] {
                map("callerPresent", "95599"),
                map("called", "1".repeat(33), "callerPresent", "95599"),
                map("called", "1", "callerPresent", "1".repeat(33)),
                map("called", "1"),
                map("called", "1", "callerPresent", "2", "callData", "x".repeat(1025))}) {
            assertThat(client.post(CecOperation.CREATE_CALL, client.gateway(), SimClient.json(bad)).field("resultCode"))
                    .as(bad.toString()).isEqualTo("3001000003");
        }
        assertThat(client.post(CecOperation.CREATE_CALL, Map.of(), SimClient.json(map("called", "1", "callerPresent", "2")))
                .status()).isEqualTo(401);
    }
}
