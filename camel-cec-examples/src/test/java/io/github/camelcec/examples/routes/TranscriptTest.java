package io.github.camelcec.examples.routes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptTest {

    @Test
    void linesOfBothTopicsAreSortedByTimeAndADisconnectEndsTheConversation() {
        Transcript t = new Transcript("c-01");
        t.add(TranscriptLine.fromCec(0, "{\"sourceType\":\"AGENT\",\"senderNickname\":\"agent\",\"content\":\"Hello Alice\","
                                        + "\"mediaType\":\"TEXT\",\"timestamp\":2000}"), null);
        t.add(TranscriptLine.fromCustomer(1000, "{\"name\":\"Alice\",\"text\":\"Hi\"}"), "Alice");
        assertThat(t.isEnded()).isFalse();
        // cec-api §4.4: a string timestamp is accepted too
        t.add(TranscriptLine.fromCec(0, "{\"sourceType\":\"SYSTEM\",\"senderNickname\":\"system\",\"content\":\"\","
                                        + "\"controlType\":\"DISCONNECT\",\"timestamp\":\"3000\"}"), null);
        assertThat(t.isEnded()).isTrue();
        // the customer's own goodbye may still be on its way on the other topic
        assertThat(t.isComplete()).isFalse();
        t.add(TranscriptLine.fromCustomer(2500, "{\"controlType\":\"DISCONNECT\"}"), null);
        assertThat(t.isComplete()).isTrue();
        assertThat(t.subject()).isEqualTo("CEC conversation with Alice (c-01)");
        String body = t.body();
        assertThat(body.indexOf("Alice (customer): Hi")).isLessThan(body.indexOf("agent: Hello Alice"));
        assertThat(body.indexOf("agent: Hello Alice")).isLessThan(body.indexOf("customer: left the conversation"));
        assertThat(body.indexOf("customer: left the conversation")).isLessThan(body.indexOf("system: the conversation ended"));
    }

    @Test
    void mediaMessagesShowTheirTypeAndId() {
        TranscriptLine line = TranscriptLine.fromCec(5, "{\"sourceType\":\"AGENT\",\"content\":\"f-123\",\"mediaType\":\"IMAGE\"}");
        assertThat(line.text()).isEqualTo("[IMAGE f-123]");
        assertThat(line.speaker()).isEqualTo("agent");
        assertThat(line.timestamp()).isEqualTo(5);
    }
}
