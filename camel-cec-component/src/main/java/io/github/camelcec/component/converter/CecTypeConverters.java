package io.github.camelcec.component.converter;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.github.camelcec.component.client.CecJson;
import io.github.camelcec.component.client.CecValidationException;
import io.github.camelcec.component.model.CecPayload;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * product.md §1: every typed body converts to JSON, so {@code to("kafka:...")}, {@code to("file:...")} and
 * {@code to("log:...")} work without a marshal step; and a {@code Map} keyed by the reference's wire field names
 * converts to any request, so every producer accepts one.
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

    /**
     * A {@code Map} of wire fields to a request or response. A field whose value does not fit is a
     * {@link CecValidationException} naming the field and the value.
     */
    @Converter(fallback = true)
    public static Object mapToPayload(Class<?> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        if (!(value instanceof Map<?, ?> map) || !CecPayload.class.isAssignableFrom(type) || type.isInterface()) {
            return null;
        }
        try {
            return CecJson.mapper().convertValue(map, type);
        } catch (IllegalArgumentException e) {
            String field = "body";
            if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
                field = jme.getPath().get(0).getFieldName();
            }
            throw new CecValidationException(type.getSimpleName(), field,
                    "must have the type of " + type.getSimpleName() + "." + field, map.get(field));
        }
    }
}
