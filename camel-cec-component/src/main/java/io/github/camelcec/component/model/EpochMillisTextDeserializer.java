package io.github.camelcec.component.model;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Epoch milliseconds kept as text: ref §5.2 sends the downlink {@code timestamp} as a number, other answers as a
 * string of digits (cec-api §4); both read as the digits. Anything else (a word, an object, a number beyond long)
 * does not fit.
 */
final class EpochMillisTextDeserializer extends StdDeserializer<String> {

    EpochMillisTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return Long.toString(p.getLongValue());
        }
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            String text = p.getText().strip();
            if (text.matches("-?\\d{1,18}")) {
                return text;
            }
            return (String) ctxt.handleWeirdStringValue(String.class, p.getText(), "not epoch milliseconds");
        }
        return (String) ctxt.handleUnexpectedToken(String.class, p);
    }
}
