package io.github.camelcec.component;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.model.LeaveMessageRequest;
import io.github.camelcec.component.model.PhraseQueryResponse;
import io.github.camelcec.component.model.PollResponse;
import io.github.camelcec.component.model.QueueInfoResponse;
import io.github.camelcec.component.model.SatisfactionRequest;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.JournalEntry;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelcec.component.CecConstants.CONTROL_TYPE;
import static io.github.camelcec.component.CecConstants.OPERATION;
import static io.github.camelcec.component.CecConstants.RESULT_CODE;
import static io.github.camelcec.component.CecConstants.RESULT_DESC;
import static io.github.camelcec.component.CecConstants.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** cec:poll (as a producer), cec:satisfaction, cec:robotFeedback, cec:queueInfo, cec:phrases, cec:leaveMessage. */
class ConversationOperationsTest extends CecRouteTestSupport {

    // ---- poll -----------------------------------------------------------------------------------------------------

    @Test
    void pollReturnsTheCustomersDownlinkMessagesOnce() {
        connect("poller");
        sim().sendAgentMessage("poller", "hello from the desk");

        Exchange exchange = ok(call("cec:poll", null, "poller"));
        PollResponse polled = exchange.getMessage().getBody(PollResponse.class);
        assertThat(polled.getDownlinkMessages()).extracting(DownlinkMessage::getContent)
                .contains("hello from the desk");
        assertThat(polled.getDownlinkMessages()).allSatisfy(m -> assertThat(m.getTo()).isEqualTo("poller"));
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("0");

        JournalEntry poll = lastEntry(CecOperation.POLL);
        assertThat(poll.method()).isEqualTo("GET");
        assertThat(poll.uri()).contains("receiverId=poller").contains("channel=WEB");
        assertThat(poll.header("ccmessaging-token")).isEqualTo(sim().currentCustomerToken("poller").orElseThrow());

        assertThat(ok(call("cec:poll", null, "poller")).getMessage().getBody(PollResponse.class).getDownlinkMessages())
                .isEmpty();
    }

    @Test
    void pollUserIdOptionNamesTheReceiver() {
        connect("opt-poller");
        ok(call("cec:poll?userId=opt-poller", null, Map.of()));
        assertThat(lastEntry(CecOperation.POLL).uri()).contains("receiverId=opt-poller");
    }

    @Test
    void operationHeaderTurnsASendEndpointIntoAPoll() {
        connect("switch");
        Exchange exchange = ok(call("cec:send", "not sent", Map.of(USER_ID, "switch", OPERATION, "poll")));
        assertThat(exchange.getMessage().getBody()).isInstanceOf(PollResponse.class);
        assertThat(operationsSent()).containsExactly(CecOperation.POLL);
    }

    // ---- satisfaction ---------------------------------------------------------------------------------------------

    @Test
    void satisfactionFromAMapOfWireFields() {
        connect("rater");
        Exchange exchange = ok(call("cec:satisfaction", Map.of("evaluation", "5", "comment", "good"), "rater"));

        JsonNode sent = receivedOnce(CecOperation.SAVE_SATISFACTION);
        assertThat(sent.path("evaluation").asText()).isEqualTo("5");
        assertThat(sent.path("comment").asText()).isEqualTo("good");
        assertThat(sent.path("userId").asText()).isEqualTo("rater");
        assertThat(sent.path("channel").asText()).isEqualTo("WEB");
        assertThat(sent.path("channelConfigId").asText()).isEqualTo(sim().channelConfigId());
        // the simulator answers with the sample's returnCode and "Exception appeared!": the code decides (cec-api §4.10)
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("0");
        assertThat(header(exchange, RESULT_DESC)).isEqualTo("Exception appeared!");
        assertThat(exchange.getMessage().getBody(CecResult.class).isSuccess()).isTrue();
    }

    @Test
    void satisfactionTypedRequestWithItsOwnUser() {
        connect("typed-rater");
        SatisfactionRequest request = new SatisfactionRequest();
        request.setUserId("typed-rater");
        request.setEvaluation("3");
        request.setComment("ok");
        ok(call("cec:satisfaction", request, Map.of()));
        assertThat(receivedOnce(CecOperation.SAVE_SATISFACTION).path("userId").asText()).isEqualTo("typed-rater");
    }

    @Test
    void satisfactionWithoutAConversationIs13() {
        Exchange exchange = call("cec:satisfaction", Map.of("evaluation", "4", "comment", "who?"), "stranger");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("satisfaction");
            assertThat(e.getResultCode()).isEqualTo("13");
            assertThat(e.getResultDesc()).isEqualTo("The callIdString obtained failed!");
            assertThat(e.getHttpStatus()).isEqualTo(200);
        });
    }

    @Test
    void satisfactionFailureAsHeaders() {
        Exchange exchange = ok(call("cec:satisfaction?throwExceptionOnFailure=false",
                Map.of("evaluation", "4", "comment", "who?"), "stranger"));
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("13");
        assertThat(header(exchange, RESULT_DESC)).isEqualTo("The callIdString obtained failed!");
    }

    // ---- robot feedback -------------------------------------------------------------------------------------------

    @Test
    void robotFeedbackFromAMapFillsFrom() {
        connect("fan");
        Exchange exchange = ok(call("cec:robotFeedback", Map.of("feedback", 0, "feedbackContent", "wrong answer",
                "interIdx", "2"), "fan"));

        JsonNode sent = receivedOnce(CecOperation.ROBOT_FEEDBACK);
        assertThat(sent.path("feedback").asInt()).isZero();
        assertThat(sent.path("feedbackContent").asText()).isEqualTo("wrong answer");
        assertThat(sent.path("interIdx").asText()).isEqualTo("2");
        assertThat(sent.path("from").asText()).isEqualTo("fan");
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("0");
    }

    @Test
    void robotFeedbackFlowControlCode() {
        connect("fan2");
        sim().faults().on(CecOperation.ROBOT_FEEDBACK).flowControlNext(1);
        Exchange exchange = call("cec:robotFeedback", Map.of("feedback", "1", "interIdx", "1"), "fan2");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("robotFeedback");
            assertThat(e.getResultCode()).isEqualTo("10010000002");
            assertThat(e.isFlowControl()).isTrue();
        });
    }

    // ---- queue info -----------------------------------------------------------------------------------------------

    @Test
    void queueInfoWhileWaitingForAnAgent() {
        connect("queued");
        ok(call("cec:send", null, Map.of(USER_ID, "queued", CONTROL_TYPE, "TRANS2AGENT")));
        sim().journal().clear();

        Exchange exchange = ok(call("cec:queueInfo", null, "queued"));
        QueueInfoResponse info = exchange.getMessage().getBody(QueueInfoResponse.class);
        assertThat(info.getPosition()).isEqualTo(1);
        assertThat(info.getConfigMaxcWaitTime()).isEqualTo(60);
        JsonNode sent = receivedOnce(CecOperation.QUERY_QUEUE_INFO);
        assertThat(sent.path("userId").asText()).isEqualTo("queued");
        assertThat(sent.path("channelConfigId").asText()).isEqualTo(sim().channelConfigId());
        assertThat(sent.path("channel").asText()).isEqualTo("WEB");
    }

    @Test
    void queueInfoWithoutASessionIsAFailureCode() {
        Exchange exchange = call("cec:queueInfo", null, "nobody");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("queueInfo");
            assertThat(e.getResultCode()).isEqualTo("160001");
        });
    }

    // ---- phrases --------------------------------------------------------------------------------------------------

    @Test
    void phrasesWithAKeywordString() {
        sim().setPhraseSuggestions(List.of("How to pay", "How to refund", "Opening hours"));
        Exchange exchange = ok(call("cec:phrases", "how", "asker"));

        assertThat(exchange.getMessage().getBody(PhraseQueryResponse.class).getPhrases())
                .containsExactly("How to pay", "How to refund");
        JsonNode sent = receivedOnce(CecOperation.QUERY_PHRASES);
        assertThat(sent.path("strContent").asText()).isEqualTo("how");
        assertThat(sent.path("locale").asText()).isEqualTo("en");
        assertThat(sent.path("channel").asText()).isEqualTo("WEB");
    }

    @Test
    void phrasesFromAMapWithTheLocaleOption() {
        sim().setPhraseSuggestions(List.of("退款", "付款"));
        Exchange exchange = ok(call("cec:phrases?locale=zh", Map.of("strContent", "退"), "asker"));
        assertThat(exchange.getMessage().getBody(PhraseQueryResponse.class).getPhrases()).containsExactly("退款");
        assertThat(receivedOnce(CecOperation.QUERY_PHRASES).path("locale").asText()).isEqualTo("zh");
    }

    @Test
    void phrasesInALocaleTheRobotDoesNotKnowIsCode1() {
        Exchange exchange = call("cec:phrases?locale=fr", "bonjour", "asker");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getResultCode()).isEqualTo("1");
            assertThat(e.getResultDesc()).isEqualTo("locale is error");
        });
    }

    // ---- leave message --------------------------------------------------------------------------------------------

    @Test
    void leaveMessageFromAMap() {
        Exchange exchange = ok(call("cec:leaveMessage",
                Map.of("callId", "call-1", "caller", "+8613800000000", "leaveMessage", "call me back"), "leaver"));
        JsonNode sent = receivedOnce(CecOperation.LEAVE_MESSAGE);
        assertThat(sent.path("callId").asText()).isEqualTo("call-1");
        assertThat(sent.path("caller").asText()).isEqualTo("+8613800000000");
        assertThat(sent.path("leaveMessage").asText()).isEqualTo("call me back");
        assertThat(sent.path("channel").asText()).isEqualTo("WEB");
        assertThat(header(exchange, RESULT_DESC)).isEqualTo("Save leaveMessage success!");
    }

    @Test
    void leaveMessageAfterAConnectOutsideWorkingHours() {
        sim().setWorkingHours(false);
        Exchange refused = call("cec:send", "hello?", "late");
        assertThat(refused.getException()).isInstanceOfSatisfying(CecBusinessException.class,
                e -> assertThat(e.getResultCode()).isEqualTo("12"));

        LeaveMessageRequest request = new LeaveMessageRequest();
        request.setCallId("late-1");
        request.setCaller("13800000000");
        request.setLeaveMessage("please call me tomorrow");
        ok(call("cec:leaveMessage", request, "late"));
        assertThat(sim().journal().count(CecOperation.LEAVE_MESSAGE)).isEqualTo(1);
    }

    @Test
    void leaveMessageWithABadCallerIsCode3() {
        Exchange exchange = call("cec:leaveMessage?throwExceptionOnFailure=false",
                Map.of("callId", "call-2", "caller", "not a phone", "leaveMessage", "x"), "leaver");
        assertThat(exchange.getException()).isNull();
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("3");
        assertThat(exchange.getMessage().getBody(CecResult.class).getResultDesc()).isEqualTo("param error");
    }
}
