package io.github.camelcec.simulator;

/** Who serves a customer's session (ref §7: CONNECT starts with the robot, TRANS2AGENT hands over, DISCONNECT ends). */
public enum SessionMode {
    ROBOT,
    AGENT,
    ENDED
}
