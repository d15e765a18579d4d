package io.github.camelcec.component;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.component.client.CecAuthenticationException;
import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.model.ApplyTokenResponse;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.ClickToCallEventsResponse;
import io.github.camelcec.component.model.ClickToCallSupportResponse;
import io.github.camelcec.component.model.CreateCallRequest;
import io.github.camelcec.component.model.CreateCallResponse;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.JournalEntry;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelcec.component.CecConstants.RESULT_CODE;
import static io.github.camelcec.component.CecConstants.RESULT_DESC;
import static io.github.camelcec.component.CecConstants.USER_ID;
import static io.github.camelcec.component.CecConstants.USER_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/** cec:createCall, cec:clickToCall, cec:clickToCallEvents, cec:clickToCallSupport, cec:dropClickToCall, cec:applyToken. */
class CallOperationsTest extends CecRouteTestSupport {

    @Test
    void createCallUsesOnlyTheAppCredentials() {
        Exchange exchange = ok(call("cec:createCall", Map.of("called", "13800000000", "callerPresent", "95500",
                "callData", "order=42"), Map.of()));

        CreateCallResponse response = exchange.getMessage().getBody(CreateCallResponse.class);
        assertThat(response.getResultData().getSipServiceAddress()).isEqualTo("10.137.203.215:5063");
        assertThat(response.getResultData().getCallSerialNo()).isNotBlank();
        assertThat(response.getResultData().getAccesscode()).startsWith("17908002");
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("0");

        // ref §16: X-APP-Key and Authorization only; no customer, so no applyToken either
        assertThat(operationsSent()).containsExactly(CecOperation.TOKEN_BY_AKSK, CecOperation.CREATE_CALL);
        JournalEntry entry = lastEntry(CecOperation.CREATE_CALL);
        assertThat(entry.header("ccmessaging-token")).isNull();
        assertThat(entry.header("x-app-key")).isEqualTo(sim().appKey());
        JsonNode sent = json(entry);
        assertThat(sent.path("called").asText()).isEqualTo("13800000000");
        assertThat(sent.path("callerPresent").asText()).isEqualTo("95500");
        assertThat(sent.path("callData").asText()).isEqualTo("order=42");
    }

    @Test
    void createCallTypedRequestAndGzipOff() {
        sim().quirks().gzipCreateCall(false);
        CreateCallRequest request = new CreateCallRequest();
        request.setCalled("+8613800000000");
        request.setCallerPresent("95500");
        ok(call("cec:createCall", request, Map.of()));
        assertThat(receivedOnce(CecOperation.CREATE_CALL).has("callData")).isFalse();
    }

    @Test
    void createCallFlowControl() {
        sim().faults().on(CecOperation.CREATE_CALL).flowControlNext(1);
        Exchange exchange = call("cec:createCall", Map.of("called", "1", "callerPresent", "2"), Map.of());
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("createCall");
            assertThat(e.isFlowControl()).isTrue();
        });
    }

    @Test
    void clickToCallThenEventsThenDrop() {
        Exchange created = ok(call("cec:clickToCall", Map.of("mediaAbility", "1"), "caller"));
        assertThat(header(created, RESULT_CODE)).isEqualTo("0");
        assertThat(header(created, RESULT_DESC)).isEqualTo("null");
        JsonNode sent = receivedOnce(CecOperation.CREATE_CLICK_TO_CALL);
        assertThat(sent.path("mediaAbility").asText()).isEqualTo("1");
        assertThat(sent.path("channel").asText()).isEqualTo("WEB");

        Exchange events = ok(call("cec:clickToCallEvents", null, "caller"));
        ClickToCallEventsResponse event = events.getMessage().getBody(ClickToCallEventsResponse.class);
        assertThat(event.getEventId()).as("numeric eventId read as a string").matches("\\d+");
        assertThat(event.getContent().getGwAddresses()).containsExactly("192.0.2.10:8443", "192.0.2.11:8443");
        JournalEntry eventsRequest = lastEntry(CecOperation.GET_CLICK_TO_CALL_EVENTS);
        assertThat(eventsRequest.method()).isEqualTo("GET");
        assertThat(eventsRequest.uri()).endsWith("/v1/getClickToCallEvents?channel=WEB");

        Exchange dropped = ok(call("cec:dropClickToCall", null, "caller"));
        assertThat(header(dropped, RESULT_CODE)).isEqualTo("0");
        assertThat(receivedOnce(CecOperation.DROP_CLICK_TO_CALL).path("channel").asText()).isEqualTo("WEB");

        Exchange again = call("cec:dropClickToCall", null, "caller");
        assertThat(again.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("dropClickToCall");
            assertThat(e.getResultCode()).isEqualTo("13");
        });
    }

    @Test
    void clickToCallOutsideWorkingHoursIs12() {
        sim().setWorkingHours(false);
        Exchange exchange = call("cec:clickToCall", Map.of("mediaAbility", "0"), "caller");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("clickToCall");
            assertThat(e.getResultCode()).isEqualTo("12");
            assertThat(e.getHttpStatus()).isEqualTo(200);
        });
    }

    @Test
    void clickToCallOnAChannelWithoutItIs7AsHeaders() {
        sim().setClickToCallSupported(false);
        Exchange exchange = ok(call("cec:clickToCall?throwExceptionOnFailure=false", Map.of("mediaAbility", "0"),
                "caller"));
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("7");
        assertThat(exchange.getMessage().getBody(CecResult.class).getResultCode()).isEqualTo("7");
    }

    @Test
    void clickToCallEventsWithoutACallIs13() {
        Exchange exchange = call("cec:clickToCallEvents", null, "caller");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class,
                e -> assertThat(e.getResultCode()).isEqualTo("13"));
    }

    @Test
    void clickToCallEventsAtTheSamplesPath() {
        ok(call("cec:clickToCall", Map.of("mediaAbility", "0"), "caller"));
        ok(call("cec:clickToCallEvents?operationPath=/apiaccess/ccmessaging/getClickToCallEvents", null, "caller"));
        assertThat(lastEntry(CecOperation.GET_CLICK_TO_CALL_EVENTS).uri())
                .startsWith("/apiaccess/ccmessaging/getClickToCallEvents?");
    }

    @Test
    void clickToCallSupportReadsEitherSpelling() {
        Exchange capital = ok(call("cec:clickToCallSupport", null, "caller"));
        assertThat(capital.getMessage().getBody(ClickToCallSupportResponse.class).getWebRtcSupported()).isTrue();

        sim().quirks().webRtcSupportedCapitalS(false);
        sim().setClickToCallSupported(false);
        Exchange lower = ok(call("cec:clickToCallSupport", null, "caller"));
        ClickToCallSupportResponse response = lower.getMessage().getBody(ClickToCallSupportResponse.class);
        assertThat(response.getWebRtcSupported()).isFalse();
        assertThat(response.getClickToCallSupported()).isFalse();
        assertThat(lastEntry(CecOperation.CHECK_CLICK_TO_CALL_SUPPORT).uri()).contains("channel=WEB");
    }

    @Test
    void applyTokenExplicitlyKeepsTheTokenForLaterCalls() {
        Exchange exchange = ok(call("cec:applyToken?locale=zh", null, Map.of(USER_ID, "early", USER_NAME, "Early Bird")));

        ApplyTokenResponse response = exchange.getMessage().getBody(ApplyTokenResponse.class);
        assertThat(response.getToken()).isEqualTo(sim().currentCustomerToken("early").orElseThrow());
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("0");
        JsonNode sent = receivedOnce(CecOperation.APPLY_TOKEN);
        assertThat(sent.path("userId").asText()).isEqualTo("early");
        assertThat(sent.path("userName").asText()).isEqualTo("Early Bird");
        assertThat(sent.path("channelId").asText()).isEqualTo(sim().channelConfigId());
        assertThat(sent.path("locale").asText()).isEqualTo("zh");

        ok(call("cec:send?locale=zh", "now chatting", "early"));
        assertThat(sim().journal().count(CecOperation.APPLY_TOKEN)).as("the applied token is reused").isEqualTo(1);
        assertThat(lastEntry(CecOperation.SEND).header("ccmessaging-token")).isEqualTo(response.getToken());
    }

    @Test
    void applyTokenRefusedIsABusinessFailureLikeAnyOtherOperation() {
        Exchange exchange = call("cec:applyToken?channelConfigId=not-mine", null, "refused");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("applyToken");
            assertThat(e.getResultCode()).isEqualTo("1");
        });

        Exchange lenient = call("cec:applyToken?channelConfigId=not-mine&throwExceptionOnFailure=false", null,
                "refused");
        assertThat(lenient.getException()).isNull();
        assertThat(header(lenient, RESULT_CODE)).isEqualTo("1");
        assertThat(sim().currentCustomerToken("refused")).isEmpty();
    }

    @Test
    void tokensTheComponentAppliesForOnItsOwnFailAsAuthenticationErrors() {
        Exchange exchange = call("cec:send?channelConfigId=not-mine", "hello", "refused-too");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecAuthenticationException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("applyToken");
            assertThat(e.getMessage()).contains("resultCode=1");
        });
    }
}
