package io.github.camelcec.component.model;

/** ref §7.1.2: what an uplink message does to the conversation. */
public enum ControlType {
    /** Open a session (robot first). Must succeed before CHAT, queueInfo or poll are useful. */
    CONNECT,
    /** An ordinary message. */
    CHAT,
    /** Ask to be transferred from the robot to a human agent. */
    TRANS2AGENT,
    /** The customer is typing (refused while a robot serves). */
    INPUT,
    /** End the session. */
    DISCONNECT
}
