package io.github.camelcec.examples.routes;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.PropertyInject;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.ExpressionAdapter;

/**
 * Route 3: reads both topics (what customers sent and what CEC answered), collects each customer's lines and, when
 * CEC's DISCONNECT for the conversation arrives, e-mails the transcript with camel-mail over SMTP. Reading Kafka,
 * not the CEC routes, keeps it independent of how routes 1 and 2 are written (Java, YAML or Kamelets).
 */
public class TranscriptMailRoute extends RouteBuilder {

    private static final String CUSTOMER_ID = "CecBridgeCustomerId";
    private static final String CUSTOMER_NAME = "CecBridgeCustomerName";

    @PropertyInject("transcript.grace-ms")
    private long graceMs;
    @PropertyInject("transcript.abandon-after-ms")
    private long abandonAfterMs;
    @PropertyInject(value = "smtp.username", defaultValue = "")
    private String smtpUsername;

    @Override
    public void configure() {
        from("kafka:{{kafka.topic.customer-in}},{{kafka.topic.chat-out}}"
             + "?groupId={{kafka.transcript-group-id}}&autoOffsetReset=earliest")
                .routeId("transcripts")
                .process(TranscriptMailRoute::toLine)
                .aggregate(header(CUSTOMER_ID), new TranscriptAggregation())
                    .completionPredicate(e -> e.getMessage().getBody(Transcript.class).isComplete())
                    // the two topics are read together but not in step: after CEC's DISCONNECT, wait a moment of
                    // quiet for the customer's lines (when the customer did not leave themselves); a conversation
                    // CEC never ended is given up after transcript.abandon-after-ms
                    .completionTimeout(new ExpressionAdapter() {
                        @Override
                        public Object evaluate(Exchange exchange) {
                            return ended(exchange) ? graceMs : abandonAfterMs;
                        }
                    })
                    .filter(TranscriptMailRoute::ended)
                        .process(TranscriptMailRoute::toMail)
                        .to(smtpUri())
                        .log("Transcript e-mailed: ${header.Subject}")
                    .end()
                .end();
    }

    /** Whether CEC ended the conversation: the transcript so far, or the line that just came in, says so. */
    static boolean ended(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        return body instanceof Transcript t ? t.isEnded()
                : body instanceof TranscriptLine l && l.ending() == TranscriptLine.Ending.CEC_ENDED;
    }

    static void toLine(Exchange exchange) {
        Message in = exchange.getMessage();
        String value = in.getBody(String.class);
        long timestamp = in.getHeader(KafkaConstants.TIMESTAMP, System.currentTimeMillis(), Long.class);
        boolean fromCustomer = exchange.getContext().resolvePropertyPlaceholders("{{kafka.topic.customer-in}}")
                .equals(in.getHeader(KafkaConstants.TOPIC, String.class));
        in.setHeader(CUSTOMER_ID, in.getHeader(KafkaConstants.KEY, String.class));
        if (fromCustomer) {
            in.setHeader(CUSTOMER_NAME, CustomerMessage.parse(value).name());
            in.setBody(TranscriptLine.fromCustomer(timestamp, value));
        } else {
            in.setBody(TranscriptLine.fromCec(timestamp, value));
        }
    }

    static void toMail(Exchange exchange) {
        Message in = exchange.getMessage();
        Transcript transcript = in.getBody(Transcript.class);
        in.removeHeaders("*");
        in.setHeader("Subject", transcript.subject());
        in.setBody(transcript.body());
    }

    private String smtpUri() {
        StringBuilder uri = new StringBuilder("{{smtp.protocol}}://{{smtp.host}}:{{smtp.port}}")
                .append("?from={{transcript.from}}&to={{transcript.to}}&contentType=text/plain;charset=UTF-8")
                // Camel 4.22 ignores a Subject header unless told to; this route sets it itself
                .append("&useHeaderSubject=true");
        // credentials only when set: an empty username would still make camel-mail try to log in
        if (!smtpUsername.isBlank()) {
            uri.append("&username={{smtp.username}}&password=RAW({{smtp.password}})");
        }
        return uri.toString();
    }

    /** Starts a transcript with the first line of a customer and adds every later one. */
    static final class TranscriptAggregation implements AggregationStrategy {
        @Override
        public Exchange aggregate(Exchange transcriptSoFar, Exchange next) {
            Message line = next.getMessage();
            Exchange target = transcriptSoFar != null ? transcriptSoFar : next;
            Transcript transcript = transcriptSoFar != null
                    ? transcriptSoFar.getMessage().getBody(Transcript.class)
                    : new Transcript(line.getHeader(CUSTOMER_ID, String.class));
            transcript.add(line.getBody(TranscriptLine.class), line.getHeader(CUSTOMER_NAME, String.class));
            target.getMessage().setBody(transcript);
            return target;
        }
    }
}
