package io.github.camelcec.component;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.client.CecException;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.JournalEntry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
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
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // user guide "Transient and permanent failures" (delays shortened for the test)
                onException(CecException.class)
                        .onWhen(CecPredicates.transientFailure())
                        .maximumRedeliveries(-1)
                        .redeliveryDelay(10).backOffMultiplier(2).useExponentialBackOff()
                        .maximumRedeliveryDelay(100);
                onException(CecException.class)
                        .handled(true)
                        .setHeader("failure", simple("${exception.message}"))
                        .to("mock:dead");

                from("direct:bridge").to("cec:send");
            }
        });
    }

    @Test
    void transientFailuresAreRedeliveredUntilCecAnswers() {
        connect("patient");
        sim().faults().on(CecOperation.SEND).resetNext(1).failNext(1, 503).flowControlNext(1);

        Exchange exchange = template.request("direct:bridge", e -> {
            e.getMessage().setBody("are you there?");
            e.getMessage().setHeader(CecConstants.USER_ID, "patient");
        });

        assertThat(exchange.getException()).isNull();
        assertThat(header(exchange, CecConstants.RESULT_CODE)).isEqualTo("0");
        // a reset, a 503, flow control, then the message
        List<JournalEntry> sends = sim().journal().entries(CecOperation.SEND);
        assertThat(sends).extracting(JournalEntry::httpStatus).containsExactly(0, 503, 200, 200);
        assertThat(sends).extracting(JournalEntry::resultCode).containsExactly(null, null, "10010000002", "0");
        assertThat(context.getEndpoint("mock:dead", MockEndpoint.class).getReceivedCounter()).isZero();
    }

    @Test
    void permanentFailuresGoToTheDeadLetterAtOnce() {
        connect("refused");
        sim().faults().on(CecOperation.SEND).resultCodeNext(1, "13");
        MockEndpoint dead = context.getEndpoint("mock:dead", MockEndpoint.class);

        template.request("direct:bridge", e -> {
            e.getMessage().setBody("hello");
            e.getMessage().setHeader(CecConstants.USER_ID, "refused");
        });
        template.request("direct:bridge", e -> {
            e.getMessage().setBody("hello");
            e.getMessage().setHeader(CecConstants.USER_ID, "x".repeat(33));
        });

        assertThat(dead.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader("failure", String.class))
                .satisfiesExactly(
                        first -> assertThat(first).contains("resultCode=13"),
                        second -> assertThat(second).contains("field 'from' must be 1 to 32 characters"));
        // tried once: a business answer and invalid input are not redelivered
        assertThat(sim().journal().entries(CecOperation.SEND)).hasSize(1);
    }

    @Test
    void aPermanentFailureAfterATransientOneIsNotRedelivered() {
        connect("unlucky");
        sim().faults().on(CecOperation.SEND).failNext(1, 503);
        sim().faults().on(CecOperation.SEND).resultCodeNext(1, "13");
        MockEndpoint dead = context.getEndpoint("mock:dead", MockEndpoint.class);

        template.request("direct:bridge", e -> {
            e.getMessage().setBody("hello");
            e.getMessage().setHeader(CecConstants.USER_ID, "unlucky");
        });

        assertThat(dead.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader("failure", String.class))
                .singleElement().asString().contains("resultCode=13");
        assertThat(sim().journal().entries(CecOperation.SEND)).extracting(JournalEntry::httpStatus)
                .containsExactly(503, 200);
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
