package io.github.camelcec.component.state;

import java.time.Duration;

/**
 * When a session is over without a DISCONNECT downlink: idle longer than the idle timeout, or disconnected by the
 * customer longer ago than the closing grace (CEC's goodbye should have come by then). Shared by every store twin.
 */
public final class SessionExpiry {

    /** How long a session the customer disconnected is still polled for CEC's closing messages. */
    public static final Duration CLOSING_GRACE = Duration.ofMinutes(1);

    private final long idleTimeoutMillis;

    /** {@code idleTimeout} zero or negative: sessions never idle out (only the closing grace applies). */
    public SessionExpiry(Duration idleTimeout) {
        this.idleTimeoutMillis = idleTimeout.toMillis();
    }

    public boolean isExpired(Session s, long now) {
        if (s.disconnectedAt() > 0 && now - s.disconnectedAt() > CLOSING_GRACE.toMillis()) {
            return true;
        }
        return idleTimeoutMillis > 0 && now - s.lastActivity() > idleTimeoutMillis;
    }

    public long idleTimeoutMillis() {
        return idleTimeoutMillis;
    }
}
