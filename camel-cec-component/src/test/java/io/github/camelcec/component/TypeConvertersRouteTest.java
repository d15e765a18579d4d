package io.github.camelcec.component;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.component.model.ApplyTokenResponse;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.PhraseQueryResponse;
import io.github.camelcec.component.model.PollResponse;
import io.github.camelcec.component.model.QueueInfoResponse;
import io.github.camelcec.component.model.SendMessageRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static io.github.camelcec.component.CecConstants.CONTROL_TYPE;
import static io.github.camelcec.component.CecConstants.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** product.md §1: every typed body becomes JSON on demand, so the next endpoint needs no marshal step. */
class TypeConvertersRouteTest extends CecRouteTestSupport {

    @Override
    protected void addRoutes(CamelContext context) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:queue").to("cec:queueInfo").to("mock:queue");
                from("direct:poll").to("cec:poll").convertBodyTo(String.class).to("mock:poll");
            }
        });
    }

    @Test
    void queueInfoResponseArrivesAsJsonAtTheNextEndpoint() throws Exception {
        connect("waiting");
        ok(call("cec:send", null, Map.of(USER_ID, "waiting", CONTROL_TYPE, "TRANS2AGENT")));
        MockEndpoint mock = context.getEndpoint("mock:queue", MockEndpoint.class);
        mock.expectedMessageCount(1);

        template.sendBodyAndHeader("direct:queue", null, USER_ID, "waiting");

        mock.assertIsSatisfied();
        Exchange exchange = mock.getReceivedExchanges().get(0);
        assertThat(exchange.getMessage().getBody()).isInstanceOf(QueueInfoResponse.class);
        JsonNode json = JSON.readTree(exchange.getMessage().getBody(String.class));
        assertThat(json.path("position").asInt()).isEqualTo(1);
        assertThat(json.path("configMaxcWaitTime").asInt()).as("the wire spelling").isEqualTo(60);
        assertThat(json.path("resultCode").asText()).isEqualTo("0");
        assertThat(json.has("success")).as("no bean-only properties").isFalse();

        byte[] bytes = exchange.getMessage().getBody(byte[].class);
        assertThat(JSON.readTree(bytes)).isEqualTo(json);
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            assertThat(JSON.readTree(in)).isEqualTo(json);
        }
    }

    @Test
    void pollResponseConvertsToJsonInTheRoute() throws Exception {
        connect("reader");
        sim().sendAgentMessage("reader", "agent says hi");
        MockEndpoint mock = context.getEndpoint("mock:poll", MockEndpoint.class);
        mock.expectedMessageCount(1);

        template.sendBodyAndHeader("direct:poll", null, USER_ID, "reader");

        mock.assertIsSatisfied();
        String body = mock.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        JsonNode messages = JSON.readTree(body).path("downlinkMessages");
        assertThat(messages.isArray()).isTrue();
        assertThat(messages.findValuesAsText("content")).contains("agent says hi");
    }

    @Test
    void everyProducerResponseAndRequestConvertsToJson() throws Exception {
        connect("all");
        sim().setPhraseSuggestions(List.of("How to pay"));
        Object[] bodies = {
                ok(call("cec:send", "hi", "all")).getMessage().getBody(),
                ok(call("cec:phrases", "pay", "all")).getMessage().getBody(),
                ok(call("cec:applyToken", null, "other")).getMessage().getBody(),
                ok(call("cec:poll", null, "all")).getMessage().getBody(),
                SendMessageRequest.text("a request"),
        };
        assertThat(bodies[0]).isInstanceOf(CecResult.class);
        assertThat(bodies[1]).isInstanceOf(PhraseQueryResponse.class);
        assertThat(bodies[2]).isInstanceOf(ApplyTokenResponse.class);
        assertThat(bodies[3]).isInstanceOf(PollResponse.class);
        for (Object body : bodies) {
            String json = context.getTypeConverter().mandatoryConvertTo(String.class, body);
            assertThat(JSON.readTree(json).isObject()).as(body.getClass().getSimpleName() + ": " + json).isTrue();
            byte[] bytes = context.getTypeConverter().mandatoryConvertTo(byte[].class, body);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(json);
        }
        assertThat(context.getTypeConverter().mandatoryConvertTo(String.class, bodies[1]))
                .contains("\"phrases\":[\"How to pay\"]");
        assertThat(context.getTypeConverter().mandatoryConvertTo(String.class, bodies[4]))
                .contains("\"content\":\"a request\"").contains("\"controlType\":\"CHAT\"");
    }
}
