package io.github.camelcec.examples.routes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcec.component.CecConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route 4: {@code direct:ticket} POSTs a JSON ticket to the ticketing/CRM REST endpoint {@code ticket.url} with
 * camel-http. The body is {@code {"customerId","customerName","reason","rating","comment","text","createdAt"}}.
 */
public class TicketRoute extends RouteBuilder {

    public static final String LOW_RATING = "LOW_RATING";
    public static final String AFTER_HOURS = "AFTER_HOURS";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void configure() {
        from("direct:ticket")
                .routeId("ticket")
                .process(TicketRoute::toTicket)
                // nothing of the CEC or Kafka exchange may leak into the ticketing system as HTTP headers
                .removeHeaders("*", BridgeHeaders.TICKET_REASON)
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .to("{{ticket.url}}")
                .log("Ticket raised (${header." + BridgeHeaders.TICKET_REASON + "}): ${body}");
    }

    static void toTicket(Exchange exchange) throws JsonProcessingException {
        Message in = exchange.getMessage();
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("customerId", in.getHeader(CecConstants.USER_ID, String.class));
        ticket.put("customerName", in.getHeader(CecConstants.USER_NAME, String.class));
        String reason = in.getHeader(BridgeHeaders.TICKET_REASON, String.class);
        ticket.put("reason", reason);
        if (LOW_RATING.equals(reason)) {
            ticket.put("rating", in.getHeader(BridgeHeaders.RATING, Integer.class));
            ticket.put("comment", in.getHeader(BridgeHeaders.COMMENT, String.class));
        } else {
            ticket.put("text", in.getHeader(BridgeHeaders.TEXT, String.class));
            ticket.put("phone", in.getHeader(BridgeHeaders.PHONE, String.class));
        }
        ticket.put("createdAt", Instant.now().toString());
        in.setBody(JSON.writeValueAsString(ticket));
    }
}
