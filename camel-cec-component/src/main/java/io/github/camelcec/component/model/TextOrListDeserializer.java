package io.github.camelcec.component.model;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * A field the reference types as a string that servers also send as a list (ref §5.1.1 {@code simQuestions}): a
 * string (or another scalar, as text) or an array is kept as sent; an object does not fit.
 */
final class TextOrListDeserializer extends StdDeserializer<Object> {

    TextOrListDeserializer() {
        super(Object.class);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getText();
            case START_ARRAY -> ctxt.readValue(p, List.class);
            default -> ctxt.handleUnexpectedToken(Object.class, p);
        };
    }
}
