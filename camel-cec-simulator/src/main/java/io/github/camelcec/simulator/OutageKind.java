package io.github.camelcec.simulator;

/** What an operation answers during an outage window ({@link OperationFaults#outage}). */
public enum OutageKind {
    /** Every request answers the outage's HTTP status (503 unless given). */
    STATUS,
    /** Every request's connection is reset (TCP RST), no answer. */
    RESET,
    /** Requests alternate: the first answers the status, the second is reset, and so on. */
    ALTERNATE
}
