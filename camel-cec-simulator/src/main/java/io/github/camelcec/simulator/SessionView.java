package io.github.camelcec.simulator;

/** A snapshot of one customer's most recent session. */
public record SessionView(String userId, String callId, SessionMode mode, int queuedDownlinks) {
}
