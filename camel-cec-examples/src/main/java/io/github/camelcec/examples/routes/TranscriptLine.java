package io.github.camelcec.examples.routes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One line of a conversation's transcript: something the customer sent ({@code cec.customer.in}) or something CEC
 * sent them ({@code cec.chat.out}, a downlink message as JSON).
 *
 * @param ending whether the line is a DISCONNECT, and whose
 */
public record TranscriptLine(long timestamp, String speaker, String text, Ending ending) {

    /** A DISCONNECT: the customer's own record, or CEC's message that the conversation is over. */
    public enum Ending {
        NONE, CUSTOMER_LEFT, CEC_ENDED
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    public static TranscriptLine fromCustomer(long timestamp, String value) {
        CustomerMessage message = CustomerMessage.parse(value);
        String speaker = message.name() == null ? "customer" : message.name() + " (customer)";
        boolean leaves = !message.isRating() && "DISCONNECT".equals(message.controlTypeOrChat());
        return new TranscriptLine(timestamp, speaker, message.describe(), leaves ? Ending.CUSTOMER_LEFT : Ending.NONE);
    }

    public static TranscriptLine fromCec(long recordTimestamp, String downlinkJson) {
        JsonNode m;
        try {
            m = JSON.readTree(downlinkJson);
        } catch (JsonProcessingException e) {
            return new TranscriptLine(recordTimestamp, "CEC", downlinkJson, Ending.NONE);
        }
        String source = field(m, "sourceType", "CEC").toLowerCase(java.util.Locale.ROOT);
        String nickname = field(m, "senderNickname", null);
        String speaker = nickname == null || nickname.equalsIgnoreCase(source) ? source : nickname + " (" + source + ")";
        String media = field(m, "mediaType", "TEXT");
        String content = field(m, "content", "");
        String text = "TEXT".equalsIgnoreCase(media) ? content : "[" + media + " " + content + "]";
        boolean disconnect = "DISCONNECT".equalsIgnoreCase(field(m, "controlType", ""));
        if (disconnect && text.isEmpty()) {
            text = "the conversation ended";
        }
        // cec-api §4.4: the timestamp may be a string or a number (epoch ms)
        long timestamp = m.hasNonNull("timestamp") ? m.get("timestamp").asLong(recordTimestamp) : recordTimestamp;
        return new TranscriptLine(timestamp, speaker, text, disconnect ? Ending.CEC_ENDED : Ending.NONE);
    }

    private static String field(JsonNode node, String name, String fallback) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    public String render() {
        return TIME.format(Instant.ofEpochMilli(timestamp)) + "  " + speaker + ": " + text;
    }
}
