package io.github.camelcec.component.client;

/** CEC answered with an HTTP status other than 200 (after token refresh and replay, where those apply). */
public class CecHttpException extends CecException {

    private static final int MAX_BODY = 200;

    private final int statusCode;
    private final String responseBody;

    public CecHttpException(String operation, int statusCode, String responseBody) {
        super(operation, "CEC " + operation + " answered HTTP " + statusCode + ": " + shorten(responseBody));
        this.statusCode = statusCode;
        this.responseBody = shorten(responseBody);
    }

    public int getStatusCode() {
        return statusCode;
    }

    /** At most the first 200 characters of the body. */
    public String getResponseBody() {
        return responseBody;
    }

    private static String shorten(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY) + "...";
    }
}
