package io.github.camelcec.examples.routes;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelcec.component.CecConstants;
import io.github.camelcec.component.CecPredicates;
import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.client.CecException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.PropertyInject;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Route 1: Kafka {@code cec.customer.in} (keyed by customer id) to CEC. Texts and control types go to
 * {@code cec:send} (which connects the customer first), ratings to {@code cec:satisfaction} with a ticket for a 1 or
 * a 2, and a conversation CEC refuses outside working hours becomes a {@code cec:leaveMessage} and a ticket
 * (cec-api §5: "send CONNECT → if it fails, doLeaveMessage and end").
 * <p>
 * Nothing is lost when CEC is down: a transient failure ({@link CecException#isTransient()}) is redelivered in place
 * with exponential backoff, blocking the consumer so that each partition, and so each customer, stays in order; a
 * record's offset is committed only once it is done with ({@link OffsetCommit}), and when the redeliveries are used up
 * the exchange fails and {@code breakOnFirstError} reads the record again. A message CEC can never take goes to the
 * dead-letter topic with the reason in its headers ({@link DeadLetterReason}).
 */
public class CustomerToCecRoute extends RouteBuilder {

    /** ref §7.2: CONNECT (or TRANS2AGENT) outside the agents' working time. */
    static final String OUTSIDE_WORKING_HOURS = "12";

    @PropertyInject("bridge.routes")
    private String routes;

    @Override
    public void configure() {
        // bridge.routes=yaml or kamelet: routes/*.camel.yaml define this route (without ratings) instead
        if (RouteVariant.parse(routes) != RouteVariant.JAVA) {
            return;
        }
        onException(CecBusinessException.class)
                .onWhen(e -> OUTSIDE_WORKING_HOURS.equals(
                        e.getProperty(Exchange.EXCEPTION_CAUGHT, CecBusinessException.class).getResultCode()))
                .handled(true)
                .to("direct:leave-message")
                .process(OffsetCommit::commit);
        // blocking redelivery (not asyncDelayedRedelivery): the next record of the partition waits for this one
        onException(CecException.class)
                .onWhen(CecPredicates.transientFailure())
                .maximumRedeliveries("{{bridge.redelivery.maximum-redeliveries}}")
                .redeliveryDelay("{{bridge.redelivery.delay-ms}}")
                .backOffMultiplier(2).useExponentialBackOff()
                .maximumRedeliveryDelay("{{bridge.redelivery.maximum-delay-ms}}")
                .retryAttemptedLogLevel(LoggingLevel.WARN);
        onException(Exception.class)
                .handled(true)
                .useOriginalMessage()
                .process(DeadLetterReason::describe)
                .log(LoggingLevel.WARN, "Customer ${header.CamelKafkaKey}: message to {{kafka.topic.customer-dead}}: "
                                        + "${header." + BridgeHeaders.FAILURE + "}")
                .to("kafka:{{kafka.topic.customer-dead}}")
                .process(OffsetCommit::commit);

        // maxPollIntervalMs: the redeliveries of one record (about 2 minutes plus CEC's response timeouts by
        // default) must not make Kafka think the consumer died
        from("kafka:{{kafka.topic.customer-in}}?groupId={{kafka.group-id}}&autoOffsetReset=earliest"
             + "&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true&maxPollIntervalMs=600000")
                .routeId("kafka-to-cec")
                .process(CustomerToCecRoute::toCecHeaders)
                .choice()
                    .when(header(BridgeHeaders.RATING).isNotNull()).to("direct:rating")
                    // synchronous: the exchange, its redeliveries and the commit stay on the Kafka consumer's thread
                    .otherwise().to("cec:send?synchronous=true")
                .end()
                .process(OffsetCommit::commit);

        from("direct:rating")
                .routeId("rating")
                .process(e -> e.getMessage().setBody(Map.of(
                        "evaluation", e.getMessage().getHeader(BridgeHeaders.RATING, String.class),
                        "comment", e.getMessage().getHeader(BridgeHeaders.COMMENT, "(no comment)", String.class))))
                .to("cec:satisfaction?synchronous=true")
                .filter(header(BridgeHeaders.RATING).isLessThanOrEqualTo(2))
                    .setHeader(BridgeHeaders.TICKET_REASON, constant(TicketRoute.LOW_RATING))
                    .to("direct:ticket");

        from("direct:leave-message")
                .routeId("leave-message")
                .process(CustomerToCecRoute::toLeaveMessage)
                .to("cec:leaveMessage?synchronous=true")
                .setHeader(BridgeHeaders.TICKET_REASON, constant(TicketRoute.AFTER_HOURS))
                .to("direct:ticket");
    }

    /** The record key is the customer; a JSON value sets name, control type, rating and phone headers. */
    static void toCecHeaders(Exchange exchange) {
        Message in = exchange.getMessage();
        CustomerMessage message = CustomerMessage.parse(in.getBody(String.class));
        in.setHeader(CecConstants.USER_ID, in.getHeader(KafkaConstants.KEY, String.class));
        if (message.name() != null) {
            in.setHeader(CecConstants.USER_NAME, message.name());
        }
        if (message.phone() != null) {
            in.setHeader(BridgeHeaders.PHONE, message.phone());
        }
        if (message.isRating()) {
            in.setHeader(BridgeHeaders.RATING, message.rating());
            in.setHeader(BridgeHeaders.COMMENT, message.comment());
        } else {
            in.setHeader(CecConstants.CONTROL_TYPE, message.controlTypeOrChat());
        }
        in.setHeader(BridgeHeaders.TEXT, message.text());
        in.setBody(message.text());
    }

    /** ref §15: callId 1..24 characters, caller a phone number, the message itself. */
    static void toLeaveMessage(Exchange exchange) {
        Message in = exchange.getMessage();
        String text = in.getHeader(BridgeHeaders.TEXT, String.class);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("callId", leaveMessageCallId(exchange));
        request.put("caller", in.getHeader(BridgeHeaders.PHONE,
                exchange.getContext().resolvePropertyPlaceholders("{{bridge.leave-message.caller}}"), String.class));
        request.put("leaveMessage", text == null || text.isBlank() ? "(the customer wrote outside working hours)" : text);
        in.setBody(request);
    }

    /** A conversation CEC refused has no call id; the exchange id's tail is unique enough and short. */
    private static String leaveMessageCallId(Exchange exchange) {
        String id = exchange.getExchangeId().replace("-", "");
        return "lm" + id.substring(Math.max(0, id.length() - 22));
    }
}
