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

    private BridgeHeaders() {
    }
}
