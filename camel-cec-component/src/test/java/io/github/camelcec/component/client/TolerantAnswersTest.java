package io.github.camelcec.component.client;

import java.nio.charset.StandardCharsets;

import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.ClickToCallEventsResponse;
import io.github.camelcec.component.model.ClickToCallSupportResponse;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.model.PhraseQueryResponse;
import io.github.camelcec.component.model.PollResponse;
import io.github.camelcec.component.model.QueueInfoResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** cec-api §4: a loosely typed field reads as well as it can, a misfit reads as null, a poll message misfit is raw. */
class TolerantAnswersTest {

    @Test
    void looselyTypedFieldsReadInEveryFormTheReferenceUses() {
        ClickToCallEventsResponse events = parse("""
                {"resultCode":0,"eventId":42,"content":{"gwAddresses":["10.0.0.1",{"ip":"x"},"10.0.0.2"]}}""",
                ClickToCallEventsResponse.class);
        assertThat(events.getResultCode()).isEqualTo("0");
        assertThat(events.getEventId()).isEqualTo("42");
        assertThat(events.getContent().getGwAddresses()).as("the element that is no string is left out")
                .containsExactly("10.0.0.1", "10.0.0.2");

        assertThat(parse("{\"resultCode\":\"0\",\"phrases\":\"one\"}", PhraseQueryResponse.class).getPhrases())
                .containsExactly("one");
        assertThat(parse("{\"resultCode\":\"0\",\"question\":[\"a\",\"b\"]}", PhraseQueryResponse.class).getPhrases())
                .containsExactly("a", "b");
        ClickToCallSupportResponse support = parse(
                "{\"resultCode\":\"0\",\"webRTCSupported\":\"true\",\"clickToCallSupported\":{\"x\":1}}",
                ClickToCallSupportResponse.class);
        assertThat(support.getWebRtcSupported()).isTrue();
        assertThat(support.getClickToCallSupported()).isNull();
    }

    @Test
    void aMisfitOptionalFieldReadsAsNullAndTheRestIsTyped() {
        QueueInfoResponse queue = parse("""
                {"resultCode":"0","resultDesc":{"text":"odd"},"position":"third","totalWaitTime":99999999999999999999,
                 "estimateWaitTime":"60"}""", QueueInfoResponse.class);
        assertThat(queue.isSuccess()).isTrue();
        assertThat(queue.getResultDesc()).isNull();
        assertThat(queue.getPosition()).isNull();
        assertThat(queue.getTotalWaitTime()).isNull();
        assertThat(queue.getEstimateWaitTime()).isEqualTo(60);
    }

    @Test
    void anAnswerThatIsNoJsonObjectIsTheComponentsHttpException() {
        assertThatThrownBy(() -> parse("{\"resultCode\":\"0\",", CecResult.class))
                .isInstanceOf(CecHttpException.class).hasMessageContaining("unreadable JSON");
        assertThatThrownBy(() -> parse("[{\"resultCode\":\"0\"}]", CecResult.class))
                .isInstanceOf(CecHttpException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void aPollMessageThatCannotBeTypedIsKeptRawWithTheReason() {
        PollResponse poll = parse("""
                {"resultCode":"0","downlinkMessages":[
                 {"messageCode":"m1","to":"alice","content":"hi","timestamp":"1619590480756"},
                 {"messageCode":"m2","to":"alice","content":"hello","receiveTime":"yesterday"},
                 {"messageCode":"m3","to":"alice","content":{"x":1}},
                 "not a message",
                 {"messageCode":"m5","to":"alice","timestamp":1619590480757,"simQuestions":["q"]}]}""",
                PollResponse.class);

        assertThat(poll.getDownlinkMessages()).extracting(DownlinkMessage::getMessageCode)
                .containsExactly("m1", "m2", "m3", null, "m5");
        DownlinkMessage typed = poll.getDownlinkMessages().get(0);
        assertThat(typed.getMalformed()).isNull();
        assertThat(typed.getTimestamp()).isEqualTo("1619590480756");
        assertThat(poll.getDownlinkMessages().get(4).getTimestamp()).isEqualTo("1619590480757");

        DownlinkMessage wrongNumber = poll.getDownlinkMessages().get(1);
        assertThat(wrongNumber.getMalformed()).startsWith("field 'receiveTime': ").contains("yesterday");
        assertThat(wrongNumber.getRawJson()).contains("\"receiveTime\":\"yesterday\"");
        assertThat(wrongNumber.getTo()).isEqualTo("alice");
        assertThat(poll.getDownlinkMessages().get(2).getMalformed()).startsWith("field 'content': ");
        assertThat(poll.getDownlinkMessages().get(3).getMalformed()).isEqualTo("the message is string, not a JSON object");
        assertThat(poll.getDownlinkMessages().get(3).getRawJson()).isEqualTo("\"not a message\"");
    }

    @Test
    void aPollEnvelopeMisfitKeepsTheMessages() {
        PollResponse poll = parse("""
                {"resultCode":{"x":1},"downlinkMessages":{"messageCode":"only","content":"single"}}""",
                PollResponse.class);
        assertThat(poll.getResultCode()).isNull();
        assertThat(poll.getDownlinkMessages()).extracting(DownlinkMessage::getContent).containsExactly("single");
    }

    private static <T> T parse(String json, Class<T> type) {
        return CecWire.parse("test", new WireAnswer(200, null, json.getBytes(StandardCharsets.UTF_8)), type);
    }
}
