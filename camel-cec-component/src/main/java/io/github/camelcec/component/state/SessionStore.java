package io.github.camelcec.component.state;

import java.util.Collection;

/**
 * The customers with a CEC session: added when a CONNECT succeeded, ended when its DISCONNECT downlink was delivered,
 * and evicted by the store itself once idle longer than the idle timeout (or, after the customer sent DISCONNECT,
 * once the closing grace passed) — whether or not a consumer polls them. {@code cec:poll} polls every session in it.
 * <p>
 * Keyed by userId so that a table can implement it; the in-memory twin serves one JVM, a shared store lets replicas
 * and restarted JVMs carry on the same sessions.
 */
public interface SessionStore {

    /**
     * Records a session that starts now (a successful CONNECT), replacing a disconnected one of the same customer.
     * Returns false if the customer already had a connected session (which is then only touched).
     */
    boolean register(Session session);

    /** The customer's session (connected or disconnecting), or null when there is none or it was evicted. */
    Session get(String userId);

    /** Whether the customer has a connected session: a message needs no CONNECT first. */
    default boolean isConnected(String userId) {
        Session s = get(userId);
        return s != null && s.isConnected();
    }

    /** A snapshot of every session not yet ended or evicted (disconnecting ones included: they are still polled). */
    Collection<Session> sessions();

    /** The customer sent or received a message now. Ignored for customers without a session. */
    void touch(String userId);

    /** {@link #touch} for several customers at once: a database does it in one statement. */
    default void touchAll(Collection<String> userIds) {
        for (String userId : userIds) {
            touch(userId);
        }
    }

    /** The customer sent DISCONNECT: keep polling for CEC's closing messages, but CONNECT again before a new one. */
    void markDisconnected(String userId);

    /** Ends the customer's session. */
    void remove(String userId);

    int size();
}
