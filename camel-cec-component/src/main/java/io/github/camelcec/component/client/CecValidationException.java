package io.github.camelcec.component.client;

/** Input broke a rule of the reference; raised before any request is sent. */
public class CecValidationException extends CecException {

    private static final int MAX_SHOWN = 64;

    private final String field;
    private final String rule;
    private final String value;

    public CecValidationException(String operation, String field, String rule, Object value) {
        super(operation, "Invalid " + operation + " request: field '" + field + "' " + rule + ", but was "
                         + show(value));
        this.field = field;
        this.rule = rule;
        this.value = value == null ? null : String.valueOf(value);
    }

    public String getField() {
        return field;
    }

    public String getRule() {
        return rule;
    }

    public String getValue() {
        return value;
    }

    private static String show(Object value) {
        if (value == null) {
            return "null";
        }
        String s = String.valueOf(value);
        return s.length() <= MAX_SHOWN
                ? "'" + s + "'"
                : "'" + s.substring(0, MAX_SHOWN) + "...' (" + s.length() + " characters)";
    }
}
