package io.github.camelcec.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.simulator.SimClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ref §7 send and §5 poll: CONNECT, robot chat, TRANS2AGENT, agent chat, INPUT, DISCONNECT. */
class SessionFlowTest {

    static CecSimulator sim;
    SimClient client;
    String token;

    @BeforeAll
    static void start() {
        sim = CecSimulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void login() {
        sim.reset();
        client = new SimClient(sim).login();
        token = client.applyToken("alice");
    }

    @Test
    void connectGreetsWithTheSampleRobotMessage() {
        Answer a = client.send(token, "alice", "CONNECT", "");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.field("resultCode")).isEqualTo("0");
        assertThat(a.field("resultDesc")).isEqualTo("connect to robot success.");
        assertThat(sim.liveSessionCount()).isEqualTo(1);

        JsonNode poll = client.poll(token, "alice").json();
        assertThat(poll.get("resultCode").asText()).isEqualTo("0");
        assertThat(poll.get("resultDesc").asText()).isEqualTo("query user messages success");
        JsonNode greeting = poll.get("downlinkMessages").get(0);
        assertThat(greeting.get("content").asText()).isEqualTo("欢迎欢迎，热烈欢迎");
        assertThat(greeting.get("sourceType").asText()).isEqualTo("ROBOT");
        assertThat(greeting.get("controlType").asText()).isEqualTo("CHAT");
        assertThat(greeting.get("from").asText()).isEqualTo(sim.channelConfigId());
        assertThat(greeting.get("to").asText()).isEqualTo("alice");
        assertThat(greeting.get("channel").asText()).isEqualTo("WEB");
        assertThat(greeting.get("mediaType").asText()).isEqualTo("TEXT");
        assertThat(greeting.get("timestamp").isNumber()).isTrue();
        assertThat(greeting.get("receiveTime").isNumber()).isTrue();
        assertThat(greeting.get("robotGender").asText()).isEqualTo("MALE");
        assertThat(greeting.get("callId").asText()).isEqualTo(sim.session("alice").callId());
        assertThat(greeting.has("simQuestions")).isTrue();
        assertThat(greeting.get("simQuestions").isNull()).isTrue();
        assertThat(greeting.get("messageCode").asText()).isNotBlank();
        assertThat(greeting.get("interIdx").asText()).isEqualTo("1");
    }

    @Test
    void pollHandsEachMessageOutOnce() {
        client.send(token, "alice", "CONNECT", "");
        assertThat(client.poll(token, "alice").json().get("downlinkMessages")).hasSize(1);
        assertThat(client.poll(token, "alice").json().get("downlinkMessages")).isEmpty();
    }

    @Test
    void chatBeforeConnectIsRefused() {
        assertThat(client.send(token, "alice", "CHAT", "hello").field("resultCode")).isEqualTo("13");
    }

    @Test
    void robotEchoesOrAnswersFromThePhraseTable() {
        sim.setRobotPhrases(Map.of("price", "It costs 5 EUR."));
        client.send(token, "alice", "CONNECT", "");
        client.poll(token, "alice");
        Answer a = client.send(token, "alice", "CHAT", "hello");
        assertThat(a.field("resultDesc")).isEqualTo("Send message to robot successfully");
        client.send(token, "alice", "CHAT", "what is the price?");
        JsonNode messages = client.poll(token, "alice").json().get("downlinkMessages");
        assertThat(messages.get(0).get("content").asText()).isEqualTo("You said: hello");
        assertThat(messages.get(0).get("interIdx").asText()).isEqualTo("2");
        assertThat(messages.get(1).get("content").asText()).isEqualTo("It costs 5 EUR.");
        assertThat(messages.get(1).get("interIdx").asText()).isEqualTo("3");
    }

    @Test
    void transferToAgentThenChatReachesTheAgentDesk() {
        client.send(token, "alice", "CONNECT", "");
        Answer input = client.send(token, "alice", "INPUT", "");
        assertThat(input.field("resultCode")).isEqualTo("13");
        assertThat(input.field("resultDesc")).isEqualTo("This is robot service,this message is prevented!");
        Answer t = client.send(token, "alice", "TRANS2AGENT", "");
        assertThat(t.field("resultCode")).isEqualTo("0");
        assertThat(t.field("resultDesc")).isEqualTo("transfer from robot to agent success.");
        assertThat(client.send(token, "alice", "TRANS2AGENT", "").field("resultCode")).isEqualTo("13");
        assertThat(sim.session("alice").mode()).isEqualTo(SessionMode.AGENT);

        JsonNode messages = client.poll(token, "alice").json().get("downlinkMessages");
        JsonNode system = messages.get(1);
        assertThat(system.get("sourceType").asText()).isEqualTo("SYSTEM");
        assertThat(system.get("senderNickname").asText()).isEqualTo("system");
        assertThat(system.get("content").asText()).isEqualTo("已接通座席。");
        assertThat(system.get("robotGender").isNull()).isTrue();

        assertThat(client.send(token, "alice", "INPUT", "").field("resultCode")).isEqualTo("0");
        Answer chat = client.send(token, "alice", "CHAT", "I need help");
        assertThat(chat.field("resultDesc")).isEqualTo("sendUserMessage successfully.");
        assertThat(sim.agentInbox("alice")).containsExactly("I need help");
        assertThat(client.poll(token, "alice").json().get("downlinkMessages")).isEmpty();

        sim.setAgentAutoReply(text -> "Agent: got '" + text + "'");
        client.send(token, "alice", "CHAT", "still there?");
        JsonNode reply = client.poll(token, "alice").json().get("downlinkMessages").get(0);
        assertThat(reply.get("sourceType").asText()).isEqualTo("AGENT");
        assertThat(reply.get("content").asText()).isEqualTo("Agent: got 'still there?'");
    }

    @Test
    void agentDeskMessagesMediaAndDisconnect() {
        client.send(token, "alice", "CONNECT", "");
        client.poll(token, "alice");
        sim.sendAgentMessage("alice", "Hello from the agent");
        String fileId = sim.sendAgentMedia("alice", "IMAGE", new byte[] {1, 2, 3}, "png");
        sim.sendSystemMessage("alice", "note");
        assertThat(sim.session("alice").queuedDownlinks()).isEqualTo(3);
        sim.agentDisconnect("alice");
        assertThat(sim.liveSessionCount()).isZero();

        JsonNode messages = client.poll(token, "alice").json().get("downlinkMessages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).get("content").asText()).isEqualTo("Hello from the agent");
        assertThat(messages.get(1).get("mediaType").asText()).isEqualTo("IMAGE");
        assertThat(messages.get(1).get("content").asText()).isEqualTo(fileId);
        assertThat(sim.storedFile(fileId)).containsExactly(1, 2, 3);
        assertThat(messages.get(2).get("sourceType").asText()).isEqualTo("SYSTEM");
        assertThat(messages.get(3).get("controlType").asText()).isEqualTo("DISCONNECT");
        assertThat(messages.get(3).get("isOfflineStatus").asText()).isNotBlank();
        assertThatThrownBy(() -> sim.sendAgentMessage("alice", "too late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void disconnectEndsTheSessionButQueuedMessagesCanStillBePolled() {
        client.send(token, "alice", "CONNECT", "");
        Answer d = client.send(token, "alice", "DISCONNECT", "");
        assertThat(d.field("resultDesc")).isEqualTo("Disconnect robot successfully");
        assertThat(sim.session("alice").mode()).isEqualTo(SessionMode.ENDED);
        assertThat(client.send(token, "alice", "CHAT", "hello?").field("resultCode")).isEqualTo("13");
        JsonNode messages = client.poll(token, "alice").json().get("downlinkMessages");
        assertThat(messages).hasSize(2);
        JsonNode last = messages.get(1);
        assertThat(last.get("sourceType").asText()).isEqualTo("SYSTEM");
        assertThat(last.get("controlType").asText()).isEqualTo("DISCONNECT");
    }

    @Test
    void outsideWorkingHoursConnectAndTransferAnswer12() {
        sim.setWorkingHours(false);
        assertThat(client.send(token, "alice", "CONNECT", "").field("resultCode")).isEqualTo("12");
        sim.setWorkingHours(true);
        client.send(token, "alice", "CONNECT", "");
        sim.setWorkingHours(false);
        assertThat(client.send(token, "alice", "TRANS2AGENT", "").field("resultCode")).isEqualTo("12");
    }

    @Test
    void invalidSendFieldsAnswerANonZeroCodeNeverACrash() {
        client.send(token, "alice", "CONNECT", "");
        assertThat(client.sendMessage(token, "alice", "WAVE", "TEXT", "x").field("resultCode")).isEqualTo("13");
        assertThat(client.sendMessage(token, "alice", "CHAT", "SMOKE", "x").field("resultCode")).isEqualTo("13");
        assertThat(client.send(token, "alice", "CHAT", "x".repeat(1025)).field("resultCode")).isEqualTo("13");
        assertThat(client.send(token, "alice", "CHAT", "x".repeat(1024)).field("resultCode")).isEqualTo("0");
        assertThat(client.sendMessage(token, "alice", "CHAT", "IMAGE", "no-such-key,jpg").field("resultCode")).isEqualTo("13");

        String wrongTo = SimClient.json(Map.of("channel", "WEB", "content", "x", "controlType", "CHAT", "from", "alice",
                "mediaType", "TEXT", "sourceType", "CUSTOMER", "to", "other-channel"));
        assertThat(client.post(CecOperation.SEND, client.withToken(token), wrongTo).field("resultCode")).isEqualTo("13");
        String agentSource = SimClient.json(Map.of("channel", "WEB", "content", "x", "controlType", "CHAT", "from", "alice",
                "mediaType", "TEXT", "sourceType", "AGENT", "to", sim.channelConfigId()));
        assertThat(client.post(CecOperation.SEND, client.withToken(token), agentSource).field("resultCode")).isEqualTo("13");
        String missingFrom = SimClient.json(Map.of("channel", "WEB", "content", "x", "controlType", "CHAT",
                "mediaType", "TEXT", "sourceType", "CUSTOMER", "to", sim.channelConfigId()));
        assertThat(client.post(CecOperation.SEND, client.withToken(token), missingFrom).field("resultCode")).isEqualTo("13");
    }

    @Test
    void mediaChatMustReferenceAnUploadedObjectKeyWithCommaOrDot() {
        client.send(token, "alice", "CONNECT", "");
        client.send(token, "alice", "TRANS2AGENT", "");
        Answer upload = client.post(CecOperation.UPLOAD_FILE, client.withToken(token),
                SimClient.json(Map.of("fileType", "jpg", "channel", "WEB", "fileStream", "AQID")));
        String key = upload.field("objectKey");
        assertThat(client.sendMessage(token, "alice", "CHAT", "IMAGE", key + ",jpg").field("resultCode")).isEqualTo("0");
        assertThat(client.sendMessage(token, "alice", "CHAT", "IMAGE", key + ".jpg").field("resultCode")).isEqualTo("0");
        assertThat(client.sendMessage(token, "alice", "CHAT", "FILE", "a.jpg,3," + key + ",jpg").field("resultCode")).isEqualTo("0");
        assertThat(sim.agentInbox("alice")).containsExactly(key + ",jpg", key + ".jpg", "a.jpg,3," + key + ",jpg");
    }
}
