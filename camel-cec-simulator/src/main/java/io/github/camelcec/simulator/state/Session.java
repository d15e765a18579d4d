package io.github.camelcec.simulator.state;

import io.github.camelcec.simulator.SessionMode;

import java.time.Instant;

/** One conversation between CONNECT and DISCONNECT (ref §7). Guarded by its {@link Customer}'s monitor. */
public final class Session {

    private final String callId;
    private SessionMode mode = SessionMode.ROBOT;
    private int interactions;
    private Instant queuedSince;
    private boolean released;

    Session(String callId) {
        this.callId = callId;
    }

    public String callId() {
        return callId;
    }

    public SessionMode mode() {
        return mode;
    }

    void mode(SessionMode mode) {
        this.mode = mode;
    }

    /** The next robot interaction index (ref §5.1.1 interIdx), "1" for the first robot message. */
    String nextInterIdx() {
        return Integer.toString(++interactions);
    }

    /** True when the server ended the session without a DISCONNECT downlink ({@code endSession}). */
    public boolean released() {
        return released;
    }

    void release() {
        released = true;
    }

    public Instant queuedSince() {
        return queuedSince;
    }

    void queuedSince(Instant at) {
        queuedSince = at;
    }
}
