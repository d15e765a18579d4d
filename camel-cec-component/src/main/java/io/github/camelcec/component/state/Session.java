package io.github.camelcec.component.state;

import java.util.Objects;

/**
 * One customer's live CEC session as the component remembers it: who (userId, the display name and locale applyToken
 * registered), when it was last active either way, and whether the customer already said goodbye.
 *
 * @param userId         the customer
 * @param userName       the display name sent with applyToken (ref §3.1.1)
 * @param locale         the language the session was opened in
 * @param lastActivity   epoch milliseconds of the last message either way
 * @param disconnectedAt epoch milliseconds of a DISCONNECT the customer sent, 0 while the session is live; the session
 *                       is still polled for CEC's closing messages, but a new message CONNECTs again
 * @param owner          the node that opened or last touched the session (for operators; replicas share the store)
 */
public record Session(String userId, String userName, String locale, long lastActivity, long disconnectedAt,
        String owner) {

    public Session {
        Objects.requireNonNull(userId, "userId");
        if (userName == null || userName.isBlank()) {
            userName = userId;
        }
    }

    /** A session that starts now. */
    public static Session opened(String userId, String userName, String locale, long now, String owner) {
        return new Session(userId, userName, locale, now, 0, owner);
    }

    /** Whether a message may be sent without a new CONNECT. */
    public boolean isConnected() {
        return disconnectedAt == 0;
    }
}
