package io.github.camelcec.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.SendMessageRequest;
import io.github.camelcec.component.support.SimulatorComponents;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.JournalEntry;
import io.github.camelcec.simulator.SessionMode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelcec.component.CecConstants.CONTROL_TYPE;
import static io.github.camelcec.component.CecConstants.MEDIA_TYPE;
import static io.github.camelcec.component.CecConstants.RESULT_CODE;
import static io.github.camelcec.component.CecConstants.RESULT_DESC;
import static io.github.camelcec.component.CecConstants.USER_ID;
import static io.github.camelcec.component.CecConstants.USER_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/** cec:send with text, Map and typed bodies: defaults, header overrides, autoConnect, sessions, failures, validation. */
class SendProducerTest extends CecRouteTestSupport {

    @Test
    void textBodyConnectsFirstThenSendsAChatWithEveryDefaultFilled() {
        Exchange exchange = ok(call("cec:send", "hello robot", "alice"));

        assertThat(operationsSent()).containsExactly(CecOperation.TOKEN_BY_AKSK, CecOperation.APPLY_TOKEN,
                CecOperation.SEND, CecOperation.SEND);
        assertThat(controlTypesSent()).containsExactly("CONNECT", "CHAT");
        JsonNode chat = received(CecOperation.SEND).get(1);
        assertThat(chat.path("channel").asText()).isEqualTo("WEB");
        assertThat(chat.path("content").asText()).isEqualTo("hello robot");
        assertThat(chat.path("mediaType").asText()).isEqualTo("TEXT");
        assertThat(chat.path("from").asText()).isEqualTo("alice");
        assertThat(chat.path("to").asText()).isEqualTo(sim().channelConfigId());
        assertThat(chat.path("sourceType").asText()).isEqualTo("CUSTOMER");
        assertThat(chat.path("timestamp").asText()).matches("\\d{13}");

        JournalEntry sent = lastEntry(CecOperation.SEND);
        assertThat(sent.header("ccmessaging-token")).isEqualTo(sim().currentCustomerToken("alice").orElseThrow());
        assertThat(sent.header("x-app-key")).isEqualTo(sim().appKey());
        assertThat(sent.header("authorization")).startsWith("Bearer ");
        JsonNode apply = receivedOnce(CecOperation.APPLY_TOKEN);
        assertThat(apply.path("userId").asText()).isEqualTo("alice");
        assertThat(apply.path("userName").asText()).as("userName defaults to the userId").isEqualTo("alice");
        assertThat(apply.path("channelId").asText()).isEqualTo(sim().channelConfigId());
        assertThat(apply.path("locale").asText()).isEqualTo("en");

        assertThat(exchange.getMessage().getBody()).isInstanceOf(CecResult.class);
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("0");
        assertThat(header(exchange, RESULT_DESC)).isEqualTo("Send message to robot successfully");
        assertThat(SimulatorComponents.sessionsOf(component).isConnected("alice")).isTrue();
        assertThat(sim().session("alice").mode()).isEqualTo(SessionMode.ROBOT);
    }

    @Test
    void headersOverrideTheOptions() {
        ok(call("cec:send?userId=option-user&userName=Option+Name&controlType=INPUT", "typed text",
                Map.of(USER_ID, "header-user", USER_NAME, "Header Name", CONTROL_TYPE, "CHAT", MEDIA_TYPE, "TEXT")));

        assertThat(receivedOnce(CecOperation.APPLY_TOKEN).path("userName").asText()).isEqualTo("Header Name");
        assertThat(received(CecOperation.SEND)).extracting(b -> b.path("from").asText())
                .containsOnly("header-user");
        assertThat(controlTypesSent()).containsExactly("CONNECT", "CHAT");
        assertThat(SimulatorComponents.sessionsOf(component).get("header-user").userName()).isEqualTo("Header Name");
    }

    @Test
    void optionsFillWhatTheMessageLeavesOut() {
        ok(call("cec:send?userId=opt&userName=Opt+User&locale=zh", "你好", Map.of()));

        JsonNode apply = receivedOnce(CecOperation.APPLY_TOKEN);
        assertThat(apply.path("userId").asText()).isEqualTo("opt");
        assertThat(apply.path("userName").asText()).isEqualTo("Opt User");
        assertThat(apply.path("locale").asText()).isEqualTo("zh");
        assertThat(received(CecOperation.SEND).get(1).path("content").asText()).isEqualTo("你好");
    }

    @Test
    void channelOptionIsSentAsConfigured() {
        Exchange exchange = call("cec:send?channel=APP", "hi", "chan");

        // the simulator (like CEC today) knows only WEB, so the CONNECT sent with channel APP is refused with 13
        assertThat(receivedOnce(CecOperation.SEND).path("channel").asText()).isEqualTo("APP");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class,
                e -> assertThat(e.getResultCode()).isEqualTo("13"));
    }

    @Test
    void controlTypeHeaderSendsControlMessagesWithEmptyContent() {
        connect("ctl");
        ok(call("cec:send", "ignored", Map.of(USER_ID, "ctl", CONTROL_TYPE, "TRANS2AGENT")));
        ok(call("cec:send", null, Map.of(USER_ID, "ctl", CONTROL_TYPE, "INPUT")));

        List<JsonNode> sends = received(CecOperation.SEND);
        assertThat(sends).extracting(b -> b.path("controlType").asText()).containsExactly("TRANS2AGENT", "INPUT");
        assertThat(sends).extracting(b -> b.path("content").asText()).containsOnly("");
        assertThat(sim().session("ctl").mode()).isEqualTo(SessionMode.AGENT);
    }

    @Test
    void mapBodyKeyedByWireFieldsGetsItsDefaultsFilled() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", "from a map");
        body.put("senderNickname", "Ali");
        body.put("userAgent", "Mozilla/5.0");
        ok(call("cec:send", body, "mapper"));

        JsonNode chat = received(CecOperation.SEND).get(1);
        assertThat(chat.path("content").asText()).isEqualTo("from a map");
        assertThat(chat.path("senderNickname").asText()).isEqualTo("Ali");
        assertThat(chat.path("userAgent").asText()).isEqualTo("Mozilla/5.0");
        assertThat(chat.path("controlType").asText()).isEqualTo("CHAT");
        assertThat(chat.path("mediaType").asText()).isEqualTo("TEXT");
        assertThat(chat.path("from").asText()).isEqualTo("mapper");
        assertThat(chat.path("to").asText()).isEqualTo(sim().channelConfigId());
        assertThat(chat.path("channel").asText()).isEqualTo("WEB");
        assertThat(chat.path("sourceType").asText()).isEqualTo("CUSTOMER");
    }

    @Test
    void mapBodyFromNamesTheCustomer() {
        ok(call("cec:send", Map.of("content", "hi", "from", "map-from", "timestamp", "1700000000000"), Map.of()));

        JsonNode chat = received(CecOperation.SEND).get(1);
        assertThat(chat.path("from").asText()).isEqualTo("map-from");
        assertThat(chat.path("timestamp").asText()).as("a given timestamp is kept").isEqualTo("1700000000000");
        assertThat(receivedOnce(CecOperation.APPLY_TOKEN).path("userId").asText()).isEqualTo("map-from");
    }

    @Test
    void typedRequestIsSentAsGiven() {
        SendMessageRequest request = SendMessageRequest.text("typed");
        request.setFrom("typed-user");
        request.setSenderAvatar("https://example.com/a.png");
        ok(call("cec:send", request, Map.of()));

        JsonNode chat = received(CecOperation.SEND).get(1);
        assertThat(chat.path("content").asText()).isEqualTo("typed");
        assertThat(chat.path("from").asText()).isEqualTo("typed-user");
        assertThat(chat.path("senderAvatar").asText()).isEqualTo("https://example.com/a.png");
    }

    @Test
    void connectsOnceForTwentyConcurrentFirstMessagesOfOneCustomer() {
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        call("cec:send?userId=warmup", null, Map.of(CONTROL_TYPE, "CONNECT")); // creates the route
        sim().journal().clear();
        for (int i = 0; i < 20; i++) {
            String text = "message " + i;
            sends.add(template.asyncSend("direct:route-1", e -> {
                e.getMessage().setBody(text);
                e.getMessage().setHeader(USER_ID, "crowd");
            }));
        }
        sends.forEach(f -> ok(f.join()));

        assertThat(controlTypesSent()).filteredOn("CONNECT"::equals).hasSize(1);
        assertThat(controlTypesSent()).filteredOn("CHAT"::equals).hasSize(20);
        assertThat(controlTypesSent().get(0)).isEqualTo("CONNECT");
        assertThat(sim().journal().count(CecOperation.APPLY_TOKEN)).isEqualTo(1);
        assertThat(sim().journal().count(CecOperation.TOKEN_BY_AKSK)).isZero();
    }

    @Test
    void laterMessagesOfAConnectedCustomerSendNoConnect() {
        ok(call("cec:send", "one", "again"));
        ok(call("cec:send", "two", "again"));
        assertThat(controlTypesSent()).containsExactly("CONNECT", "CHAT", "CHAT");
    }

    @Test
    void withoutAutoConnectNoConnectIsSentAndCecAnswers13() {
        Exchange exchange = call("cec:send?autoConnect=false", "hi", "manual");

        assertThat(controlTypesSent()).containsExactly("CHAT");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("send");
            assertThat(e.getResultCode()).isEqualTo("13");
            assertThat(e.getResultDesc()).contains("no session");
            assertThat(e.getHttpStatus()).isEqualTo(200);
        });
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("13");
        assertThat(SimulatorComponents.sessionsOf(component).isConnected("manual")).isFalse();
    }

    @Test
    void withoutAutoConnectAnExplicitConnectOpensTheSession() {
        ok(call("cec:send?autoConnect=false", null, Map.of(USER_ID, "explicit", CONTROL_TYPE, "CONNECT")));
        ok(call("cec:send?autoConnect=false", "now it works", "explicit"));
        assertThat(controlTypesSent()).containsExactly("CONNECT", "CHAT");
    }

    @Test
    void connectAndDisconnectKeepTheSessionRegistry() {
        ok(call("cec:send", null, Map.of(USER_ID, "reg", CONTROL_TYPE, "CONNECT")));
        assertThat(SimulatorComponents.sessionsOf(component).isConnected("reg")).isTrue();

        ok(call("cec:send", null, Map.of(USER_ID, "reg", CONTROL_TYPE, "DISCONNECT")));
        assertThat(SimulatorComponents.sessionsOf(component).isConnected("reg")).isFalse();
        assertThat(sim().session("reg").mode()).isEqualTo(SessionMode.ENDED);

        // the next message starts a new session
        ok(call("cec:send", "back again", "reg"));
        assertThat(controlTypesSent()).containsExactly("CONNECT", "DISCONNECT", "CONNECT", "CHAT");
        assertThat(SimulatorComponents.sessionsOf(component).isConnected("reg")).isTrue();
    }

    @Test
    void outsideWorkingHoursTheConnectFailsWith12AndNoChatIsSent() {
        sim().setWorkingHours(false);
        Exchange exchange = call("cec:send", "anyone there?", "late");

        assertThat(controlTypesSent()).containsExactly("CONNECT");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("send");
            assertThat(e.getResultCode()).isEqualTo("12");
            assertThat(e.getResultDesc()).contains("working time");
            assertThat(e.getHttpStatus()).isEqualTo(200);
            assertThat(e.isFlowControl()).isFalse();
        });
        assertThat(SimulatorComponents.sessionsOf(component).isConnected("late")).isFalse();
    }

    @Test
    void withoutThrowExceptionOnFailureTheCodeIsInHeaders() {
        sim().setWorkingHours(false);
        Exchange exchange = ok(call("cec:send?throwExceptionOnFailure=false", "anyone there?", "lenient"));

        assertThat(header(exchange, RESULT_CODE)).isEqualTo("12");
        assertThat(header(exchange, RESULT_DESC)).contains("working time");
        assertThat(exchange.getMessage().getBody(CecResult.class).getResultCode()).isEqualTo("12");
    }

    @Test
    void flowControlIsABusinessExceptionThatSaysSo() {
        connect("busy");
        sim().faults().on(CecOperation.SEND).flowControlNext(1);
        Exchange exchange = call("cec:send", "hi", "busy");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getResultCode()).isEqualTo(CecResult.FLOW_CONTROL);
            assertThat(e.isFlowControl()).isTrue();
        });
    }

    @Test
    void textOverOneKilobyteIsRejectedBeforeAnyRequest() {
        String text = "é".repeat(513); // 1026 bytes in UTF-8
        assertRejected(call("cec:send", text, "big"), "send", "content", "at most 1024 bytes", "éééé");
    }

    @Test
    void emptyTextIsRejectedBeforeAnyRequest() {
        assertRejected(call("cec:send", "", "empty"), "send", "content", "must not be empty", "");
    }

    @Test
    void missingUserIdIsRejectedBeforeAnyRequest() {
        assertRejected(call("cec:send", "who am I", Map.of()), "send", "userId", "is required", null);
    }

    @Test
    void userIdLongerThan32IsRejectedBeforeAnyRequest() {
        String userId = "u".repeat(33);
        assertRejected(call("cec:send", "hi", userId), "send", "from", "1 to 32 characters", userId);
    }

    @Test
    void unknownControlTypeIsRejectedBeforeAnyRequest() {
        assertRejected(call("cec:send", "hi", Map.of(USER_ID, "x", CONTROL_TYPE, "SHOUT")), "send", "controlType",
                "must be one of", "SHOUT");
    }

    @Test
    void unknownMediaTypeIsRejectedBeforeAnyRequest() {
        assertRejected(call("cec:send", "hi", Map.of(USER_ID, "x", MEDIA_TYPE, "HOLOGRAM")), "send", "mediaType",
                "must be one of", "HOLOGRAM");
    }

    @Test
    void mediaMessageWithoutObjectKeyIsRejectedBeforeAnyRequest() {
        assertRejected(call("cec:send", "just text", Map.of(USER_ID, "x", MEDIA_TYPE, "IMAGE")), "send", "content",
                "objectKey,ext", "just text");
    }

    @Test
    void mapWithAFieldOfTheWrongTypeIsRejectedBeforeAnyRequest() {
        assertRejected(call("cec:send", Map.of("content", "hi", "controlType", "NOPE"), "x"), "send", "controlType",
                "must have the type", "NOPE");
    }
}
