package io.github.camelcec.examples.routes;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One record of {@code cec.customer.in}: either plain text (a chat message) or a JSON object with any of
 * {@code name}, {@code text}, {@code controlType} (CONNECT, CHAT, TRANS2AGENT, INPUT, DISCONNECT), {@code rating}
 * (1..5), {@code comment} and {@code phone}.
 */
public record CustomerMessage(String name, String text, String controlType, Integer rating, String comment,
                              String phone) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static CustomerMessage parse(String value) {
        String v = value == null ? "" : value.trim();
        if (!v.startsWith("{")) {
            return new CustomerMessage(null, value, null, null, null, null);
        }
        JsonNode node;
        try {
            node = JSON.readTree(v);
        } catch (JsonProcessingException e) {
            // not JSON after all: what the customer typed started with a brace
            return new CustomerMessage(null, value, null, null, null, null);
        }
        Integer rating = node.hasNonNull("rating") ? node.get("rating").asInt() : null;
        String controlType = text(node, "controlType");
        return new CustomerMessage(text(node, "name"), text(node, "text"),
                controlType == null ? null : controlType.toUpperCase(Locale.ROOT), rating, text(node, "comment"),
                text(node, "phone"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public boolean isRating() {
        return rating != null;
    }

    /** The control type to send, CHAT unless the record names one. */
    public String controlTypeOrChat() {
        return controlType == null ? "CHAT" : controlType;
    }

    /** How the transcript shows this record. */
    public String describe() {
        if (isRating()) {
            return "rated " + rating + "/5" + (comment == null || comment.isBlank() ? "" : ": " + comment);
        }
        return switch (controlTypeOrChat()) {
            case "TRANS2AGENT" -> "asked for an agent";
            case "DISCONNECT" -> "left the conversation";
            case "CONNECT" -> "opened the conversation";
            case "INPUT" -> "is typing";
            default -> text == null ? "" : text;
        };
    }
}
