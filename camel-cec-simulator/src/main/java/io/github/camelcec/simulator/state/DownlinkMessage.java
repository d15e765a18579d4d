package io.github.camelcec.simulator.state;

/**
 * One message queued for a customer, with the fields of ref §5.1.1 (downLinkMsgArr). Spellings that depend on the
 * quirks (timestamp type, robotGender case) are applied when the message is written out.
 */
public record DownlinkMessage(String content, String from, String to, String mediaType, String sourceType,
                              String senderNickname, String senderAvatar, long timestamp, String interIdx,
                              String isOfflineStatus, String messageCode, String callId, String controlType,
                              String queueFlag, long receiveTime, String robotGender) {
}
