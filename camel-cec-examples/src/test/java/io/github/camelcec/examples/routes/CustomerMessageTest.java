package io.github.camelcec.examples.routes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerMessageTest {

    @Test
    void plainTextIsAChatMessage() {
        CustomerMessage m = CustomerMessage.parse("Where is my order?");
        assertThat(m.text()).isEqualTo("Where is my order?");
        assertThat(m.controlTypeOrChat()).isEqualTo("CHAT");
        assertThat(m.isRating()).isFalse();
        assertThat(m.describe()).isEqualTo("Where is my order?");
    }

    @Test
    void jsonCarriesNameTextAndControlType() {
        CustomerMessage m = CustomerMessage.parse("{\"name\":\"Alice\",\"text\":\"Hi\",\"controlType\":\"trans2agent\"}");
        assertThat(m.name()).isEqualTo("Alice");
        assertThat(m.text()).isEqualTo("Hi");
        assertThat(m.controlTypeOrChat()).isEqualTo("TRANS2AGENT");
        assertThat(m.describe()).isEqualTo("asked for an agent");
    }

    @Test
    void jsonRatingWithComment() {
        CustomerMessage m = CustomerMessage.parse("{\"rating\":2,\"comment\":\"slow\",\"phone\":\"+4930123\"}");
        assertThat(m.isRating()).isTrue();
        assertThat(m.rating()).isEqualTo(2);
        assertThat(m.phone()).isEqualTo("+4930123");
        assertThat(m.describe()).isEqualTo("rated 2/5: slow");
    }

    @Test
    void textThatOnlyLooksLikeJsonStaysText() {
        CustomerMessage m = CustomerMessage.parse("{not json, just braces}");
        assertThat(m.text()).isEqualTo("{not json, just braces}");
        assertThat(m.controlTypeOrChat()).isEqualTo("CHAT");
    }
}
