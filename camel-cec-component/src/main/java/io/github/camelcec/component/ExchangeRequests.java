package io.github.camelcec.component;

import java.util.Map;

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
final class ExchangeRequests {

    private final CecConfiguration config;

    ExchangeRequests(CecConfiguration config) {
        this.config = config;
    }

    /**
     * The body as {@code type}: the object itself, a Map of wire fields through the registered type converter, or a
     * new empty request when there is no body. Anything else is refused, naming the operation and the type found.
     */
    <T> T typed(Exchange exchange, String operation, Class<T> type) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            return newInstance(type);
        }
        if (type.isInstance(body)) {
            return type.cast(body);
        }
        if (body instanceof Map<?, ?>) {
            try {
                return exchange.getContext().getTypeConverter().mandatoryConvertTo(type, exchange, body);
            } catch (Exception e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof CecValidationException invalid) {
                        throw new CecValidationException(operation, invalid.getField(), invalid.getRule(),
                                invalid.getValue());
                    }
                }
                throw new CecValidationException(operation, "body", "must be a Map of the wire fields of "
                                                                    + type.getSimpleName(), body);
            }
        }
        throw new CecValidationException(operation, "body",
                "must be a " + type.getSimpleName() + " or a Map of its wire fields", body.getClass().getName());
    }

    /** The customer the exchange acts for: the body's own user field, then the header, then the option. */
    Customer customer(Exchange exchange, String operation, String bodyUserId) {
        Message in = exchange.getMessage();
        String userId = bodyUserId != null ? bodyUserId : in.getHeader(CecConstants.USER_ID, config.getUserId(), String.class);
        if (userId == null || userId.isBlank()) {
            throw new CecValidationException(operation, "userId",
                    "is required: set the " + CecConstants.USER_ID + " header or the userId option", userId);
        }
        String userName = in.getHeader(CecConstants.USER_NAME, config.getUserName(), String.class);
        return Customer.of(userId, userName);
    }

    ControlType controlType(Exchange exchange, String operation) {
        String value = exchange.getMessage().getHeader(CecConstants.CONTROL_TYPE, config.getControlType(), String.class);
        return parse(ControlType.class, operation, "controlType", value);
    }

    /** The media type header or option, or null when neither is set. */
    MediaType mediaType(Exchange exchange, String operation, String fallback) {
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
    String fileType(Exchange exchange, String fallback) {
        String value = exchange.getMessage().getHeader(CecConstants.FILE_TYPE, config.getFileType(), String.class);
        return value != null ? value : fallback;
    }

    private static <T> T newInstance(Class<T> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type.getName(), e);
        }
    }
}
