package io.github.camelcec.component.converter;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelcec.component.client.CecJson;
import io.github.camelcec.component.model.CecPayload;
import org.apache.camel.Converter;
import org.apache.camel.TypeConversionException;

/**
 * product.md §1: every typed body converts to JSON, so {@code to("kafka:...")}, {@code to("file:...")} and
 * {@code to("log:...")} work without a marshal step.
 */
@Converter(generateLoader = true)
public final class CecTypeConverters {

    private CecTypeConverters() {
    }

    @Converter
    public static String toJsonString(CecPayload payload) {
        try {
            return CecJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new TypeConversionException(payload, String.class, e);
        }
    }

    @Converter
    public static byte[] toJsonBytes(CecPayload payload) {
        try {
            return CecJson.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new TypeConversionException(payload, byte[].class, e);
        }
    }

    @Converter
    public static InputStream toJsonStream(CecPayload payload) {
        return new ByteArrayInputStream(toJsonBytes(payload));
    }
}
