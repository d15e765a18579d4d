package io.github.camelcec.component.producer;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.github.camelcec.component.CecConfiguration;
import io.github.camelcec.component.CecConstants;
import io.github.camelcec.component.client.CecJson;
import io.github.camelcec.component.client.CecValidationException;
import io.github.camelcec.component.model.ControlType;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.model.MediaType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns an exchange into the typed request of an operation (product.md §1 "Bodies"): a typed request as given, a
 * {@code Map} keyed by the reference's wire field names, or the operation's shortcut; headers before options for the
 * values a body leaves out.
 */
public final class ExchangeRequests {

    private final CecConfiguration config;

    public ExchangeRequests(CecConfiguration config) {
        this.config = config;
    }

    /**
     * The body as {@code type}: the object itself, a Map converted field by field, or a new empty request when there is
     * no body. Anything else is refused, naming the operation and the type found.
     */
    public <T> T typed(Exchange exchange, String operation, Class<T> type) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            return newInstance(type);
        }
        if (type.isInstance(body)) {
            return type.cast(body);
        }
        if (body instanceof Map<?, ?> map) {
            return fromMap(operation, map, type);
        }
        throw new CecValidationException(operation, "body",
                "must be a " + type.getSimpleName() + " or a Map of its wire fields", body.getClass().getName());
    }

    /** The customer the exchange acts for: the body's own user field, then the header, then the option. */
    public Customer customer(Exchange exchange, String operation, String bodyUserId) {
        Message in = exchange.getMessage();
        String userId = bodyUserId != null ? bodyUserId : in.getHeader(CecConstants.USER_ID, config.getUserId(), String.class);
        if (userId == null || userId.isBlank()) {
            throw new CecValidationException(operation, "userId",
                    "is required: set the " + CecConstants.USER_ID + " header or the userId option", userId);
        }
        String userName = in.getHeader(CecConstants.USER_NAME, config.getUserName(), String.class);
        return Customer.of(userId, userName);
    }

    public ControlType controlType(Exchange exchange, String operation) {
        String value = exchange.getMessage().getHeader(CecConstants.CONTROL_TYPE, config.getControlType(), String.class);
        return parse(ControlType.class, operation, "controlType", value);
    }

    /** The media type header or option, or null when neither is set. */
    public MediaType mediaType(Exchange exchange, String operation, String fallback) {
        String value = exchange.getMessage().getHeader(CecConstants.MEDIA_TYPE, fallback, String.class);
        return value == null ? null : parse(MediaType.class, operation, "mediaType", value);
    }

    /** A header or option value as one of the enum's constants, in any case; else a validation error listing them. */
    private static <E extends Enum<E>> E parse(Class<E> type, String operation, String field, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            String allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(java.util.stream.Collectors.joining(", "));
            throw new CecValidationException(operation, field, "must be one of " + allowed, value);
        }
    }

    /** The file type: header, then option, then the given fallback (e.g. a file name's extension). */
    public String fileType(Exchange exchange, String fallback) {
        String value = exchange.getMessage().getHeader(CecConstants.FILE_TYPE, config.getFileType(), String.class);
        return value != null ? value : fallback;
    }

    private static <T> T fromMap(String operation, Map<?, ?> map, Class<T> type) {
        try {
            return CecJson.mapper().convertValue(map, type);
        } catch (IllegalArgumentException e) {
            String field = "body";
            if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
                field = jme.getPath().get(0).getFieldName();
            }
            Object value = map.get(field);
            throw new CecValidationException(operation, field,
                    "must have the type of " + type.getSimpleName() + "." + field, value);
        }
    }

    private static <T> T newInstance(Class<T> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type.getName(), e);
        }
    }
}
