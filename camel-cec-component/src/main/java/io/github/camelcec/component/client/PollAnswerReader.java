package io.github.camelcec.component.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.model.PollResponse;

/**
 * Reads a poll answer message by message (ref §5: the poll hands each message out once, so one malformed field must
 * not lose the answer): the envelope is read tolerantly, each downlink message is typed on its own, and a message
 * that cannot be typed is kept as {@link DownlinkMessage#malformed raw JSON with the reason}, its {@code messageCode}
 * and {@code to} kept when they are plain strings.
 */
final class PollAnswerReader {

    static final String MESSAGES = "downlinkMessages";
    private static final int MAX_REASON = 300;

    private PollAnswerReader() {
    }

    static PollResponse read(ObjectNode answer) throws JsonProcessingException {
        ObjectNode envelope = answer.deepCopy();
        JsonNode messages = envelope.remove(MESSAGES);
        PollResponse response = TolerantReader.read(envelope, PollResponse.class);
        List<DownlinkMessage> typed = new ArrayList<>();
        if (messages != null && messages.isArray()) {
            messages.forEach(message -> typed.add(type(message)));
        } else if (messages != null && !messages.isNull()) {
            // a single message where a list belongs, or a value that is none: still what the poll handed out
            typed.add(type(messages));
        }
        response.setDownlinkMessages(typed);
        return response;
    }

    private static DownlinkMessage type(JsonNode message) {
        String raw = message.toString();
        if (!message.isObject()) {
            return DownlinkMessage.malformed(raw, "the message is " + message.getNodeType().name().toLowerCase(Locale.ROOT)
                                                  + ", not a JSON object", null, null);
        }
        try {
            return CecJson.mapper().treeToValue(message, DownlinkMessage.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return DownlinkMessage.malformed(raw, reason(e), plainText(message, "messageCode"),
                    plainText(message, "to"));
        }
    }

    /** Which field, and what was wrong with it, in Jackson's words. */
    private static String reason(Exception e) {
        String what = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        what = what == null ? e.getClass().getSimpleName() : what.lines().findFirst().orElse(what);
        if (what.length() > MAX_REASON) {
            what = what.substring(0, MAX_REASON) + "...";
        }
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "field '" + field + "': " + what;
        }
        return what;
    }

    private static String plainText(JsonNode message, String field) {
        JsonNode value = message.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
