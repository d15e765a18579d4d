package io.github.camelcec.component;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.simulator.CecOperation;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The error-handling recipes of docs/user-guide.md, as routes: they must work as written there. */
class ErrorHandlingRouteTest extends CecRouteTestSupport {

    @Override
    protected void addRoutes(CamelContext context) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // user guide "Flow control": back off and retry on 10010000002
                onException(CecBusinessException.class)
                        .onWhen(simple("${exception.flowControl}"))
                        .maximumRedeliveries(3).redeliveryDelay(10);

                from("direct:send").to("cec:send");

                // user guide "Outside working hours": CONNECT answers 12, leave a message instead
                from("direct:chat")
                        .doTry()
                            .to("cec:send")
                        .doCatch(CecBusinessException.class)
                            .onWhen(simple("${exception.resultCode} == '12' && ${header.CamelCecControlType} == 'CONNECT'"))
                            .setBody(exchange -> Map.of(
                                    "callId", "web-" + exchange.getMessage().getHeader(CecConstants.USER_ID),
                                    "caller", "+8613800000000",
                                    "leaveMessage", "Please call me back"))
                            .to("cec:leaveMessage")
                        .end();
            }
        });
    }

    @Test
    void flowControlIsRedeliveredByOnException() {
        connect("slow");
        sim().faults().on(CecOperation.SEND).flowControlNext(2);

        Exchange exchange = template.request("direct:send", e -> {
            e.getMessage().setBody("hello");
            e.getMessage().setHeader(CecConstants.USER_ID, "slow");
        });

        assertThat(exchange.getException()).isNull();
        assertThat(header(exchange, CecConstants.RESULT_CODE)).isEqualTo("0");
        assertThat(sim().journal().entries(CecOperation.SEND)).extracting(e -> e.resultCode())
                .containsExactly("10010000002", "10010000002", "0");
    }

    @Test
    void outsideWorkingHoursTheRouteLeavesAMessage() {
        sim().setWorkingHours(false);

        Exchange exchange = template.request("direct:chat", e -> {
            e.getMessage().setBody("hello");
            e.getMessage().setHeader(CecConstants.USER_ID, "night-owl");
        });

        assertThat(exchange.getException()).isNull();
        assertThat(header(exchange, CecConstants.RESULT_DESC)).isEqualTo("Save leaveMessage success!");
        JsonNode left = receivedOnce(CecOperation.LEAVE_MESSAGE);
        assertThat(left.path("callId").asText()).isEqualTo("web-night-owl");
        assertThat(left.path("leaveMessage").asText()).isEqualTo("Please call me back");
    }
}
