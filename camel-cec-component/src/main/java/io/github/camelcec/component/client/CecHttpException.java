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

    /**
     * ref §1: 503 is "temporarily unavailable", 500 a failure on CEC's side; 408 and 429 ask to come back later. Every
     * other status (400, 404, 401/403 after the component's refresh and replay, an unreadable 200) is permanent.
     */
    @Override
    public boolean isTransient() {
        return statusCode >= 500 || statusCode == 408 || statusCode == 429;
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
