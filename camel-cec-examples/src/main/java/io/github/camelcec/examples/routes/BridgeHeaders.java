package io.github.camelcec.examples.routes;

/** The bridge's own exchange headers (the CEC ones are {@code io.github.camelcec.component.CecConstants}). */
public final class BridgeHeaders {

    /** The customer's rating, 1 to 5, when the Kafka record was a rating. */
    public static final String RATING = "CecBridgeRating";
    /** The comment that came with a rating. */
    public static final String COMMENT = "CecBridgeComment";
    /** The customer's phone number, for a leave-message outside working hours. */
    public static final String PHONE = "CecBridgePhone";
    /** The customer's text as received, kept for the leave-message when CEC refuses the conversation. */
    public static final String TEXT = "CecBridgeText";
    /** Why a ticket is raised: LOW_RATING or AFTER_HOURS. */
    public static final String TICKET_REASON = "CecBridgeTicketReason";

    // on a record of the dead-letter topic (names without the Camel prefix, which Kafka's header filter drops)
    /** The failure's message (it names the result code, or the field, rule and value). */
    public static final String FAILURE = "CecBridgeFailure";
    /** The failure's type, e.g. CecBusinessException, CecValidationException. */
    public static final String FAILURE_TYPE = "CecBridgeFailureType";
    /** The CEC operation that failed, e.g. send. */
    public static final String FAILURE_OPERATION = "CecBridgeFailureOperation";
    /** CEC's result code, when CEC answered one. */
    public static final String FAILURE_RESULT_CODE = "CecBridgeFailureResultCode";
    /** The field that broke a rule of the reference, when the message was invalid. */
    public static final String FAILURE_FIELD = "CecBridgeFailureField";
    /** The HTTP status CEC answered, for a refused or failed request. */
    public static final String FAILURE_HTTP_STATUS = "CecBridgeFailureHttpStatus";

    private BridgeHeaders() {
    }
}
