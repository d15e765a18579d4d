package io.github.camelcec.kamelets;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcec.simulator.CecOperation;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CecSourceKameletTest extends KameletTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:cec-source?" + connection() + "&delay=100").to("mock:chat");
            }
        };
    }

    @Test
    void anAgentMessageArrivesAsJsonKeyedByTheCustomer() throws Exception {
        MockEndpoint chat = getMockEndpoint("mock:chat");
        connect("kamelet-1");

        sim().sendAgentMessage("kamelet-1", "hello from an agent");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(chat.getExchanges())
                .anySatisfy(e -> assertThat(e.getMessage().getBody(String.class)).contains("hello from an agent")));
        Exchange agent = chat.getExchanges().stream()
                .filter(e -> e.getMessage().getBody(String.class).contains("hello from an agent")).findFirst().orElseThrow();
        assertThat(agent.getMessage().getBody()).isInstanceOf(String.class);
        JsonNode message = JSON.readTree(agent.getMessage().getBody(String.class));
        assertThat(message.path("content").asText()).isEqualTo("hello from an agent");
        assertThat(message.path("to").asText()).isEqualTo("kamelet-1");
        assertThat(agent.getMessage().getHeader("key")).isEqualTo("kamelet-1");
    }

    @Test
    void theKameletParametersReachTheConsumer() {
        connect("kamelet-2");

        await().atMost(Duration.ofSeconds(20)).until(() -> sim().journal().count(CecOperation.POLL) > 0);
        assertThat(sim().journal().entries(CecOperation.TOKEN_BY_AKSK)).isNotEmpty();
        // receiverId was not given, so {{?receiverId}} leaves the option out and every connected customer is polled
        assertThat(context.getEndpoints()).filteredOn(e -> e.getEndpointUri().startsWith("cec://poll")).singleElement()
                .satisfies(e -> assertThat(e.getEndpointUri()).contains("delay=100").contains("locale=en")
                        .doesNotContain("receiverId"));
    }
}
