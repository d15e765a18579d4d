package io.github.camelcec.component.consumer;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcec.component.CecConstants;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.simulator.CecOperation;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ref §5: the poll hands each message out once, so a message with a field that does not fit is delivered anyway — raw,
 * flagged with CamelCecMalformed — and routed to a dead letter the way the user guide shows.
 */
class MalformedPollMessagesTest extends ConsumerTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one route saw: the customer, the message code, the malformed reason (or null), the body. */
    private record Delivery(String userId, String messageCode, String malformed, Object body) {
    }

    private final Map<String, List<Delivery>> deliveries = new ConcurrentHashMap<>();
    private final List<Delivery> deadLetters = new CopyOnWriteArrayList<>();

    @Test
    void everyMessageArrivesOnceInOrderAndTheBrokenOnesRaw() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50")
                        .process(e -> keep(e))
                        .choice()
                            .when(header(CecConstants.MALFORMED).isNotNull())
                                .to("direct:malformed")
                            .otherwise()
                                .to("log:typed?level=DEBUG")
                        .end();
                from("direct:malformed").process(e -> deadLetters.add(delivery(e)));
            }
        });
        sim().faults().seed(7);
        sim().faults().on(CecOperation.POLL).malformedRate(1.0);
        List<String> customers = List.of("ann", "ben", "cy");
        customers.forEach(this::connect);
        for (int i = 0; i < 10; i++) {
            for (String c : customers) {
                sim().sendAgentMessage(c, c + "-" + i);
            }
        }

        // the robot greeting of each CONNECT plus ten agent messages
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveries.values().stream().mapToInt(List::size).sum() == customers.size() * 11);

        Set<String> codes = new HashSet<>();
        for (String c : customers) {
            List<Delivery> got = deliveries.get(c);
            assertThat(got).hasSize(11);
            got.forEach(d -> assertThat(codes.add(d.messageCode())).as("delivered once: " + d).isTrue());
            assertThat(got).extracting(d -> sequenceOf(d.messageCode())).as("in the order CEC queued them for " + c)
                    .isSorted();
        }
        List<Delivery> raw = deliveries.values().stream().flatMap(List::stream).filter(d -> d.malformed() != null)
                .toList();
        assertThat(raw).as("every poll answer had at least one message broken").hasSizeGreaterThanOrEqualTo(
                customers.size());
        for (Delivery d : raw) {
            assertThat(d.malformed()).startsWith("field '");
            assertThat(d.body()).isInstanceOf(String.class);
            JsonNode sent = JSON.readTree((String) d.body());
            assertThat(sent.path("messageCode").asText()).isEqualTo(d.messageCode());
            assertThat(sent.path("to").asText()).isEqualTo(d.userId());
        }
        deliveries.values().stream().flatMap(List::stream).filter(d -> d.malformed() == null)
                .forEach(d -> assertThat(d.body()).isInstanceOf(DownlinkMessage.class));
        assertThat(deadLetters).containsExactlyInAnyOrderElementsOf(raw);
    }

    private void keep(Exchange exchange) {
        Delivery d = delivery(exchange);
        deliveries.computeIfAbsent(d.userId(), id -> new CopyOnWriteArrayList<>()).add(d);
    }

    private static Delivery delivery(Exchange exchange) {
        var in = exchange.getMessage();
        return new Delivery(in.getHeader(CecConstants.USER_ID, String.class),
                in.getHeader(CecConstants.MESSAGE_CODE, String.class),
                in.getHeader(CecConstants.MALFORMED, String.class), in.getBody());
    }

    /** The simulator's message codes end in a counter: {@code <millis>-<n>}. */
    private static long sequenceOf(String messageCode) {
        return Long.parseLong(messageCode.substring(messageCode.lastIndexOf('-') + 1));
    }
}
