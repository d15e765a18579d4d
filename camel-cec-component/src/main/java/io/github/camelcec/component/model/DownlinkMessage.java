package io.github.camelcec.component.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * ref §5.1.1 {@code downLinkMsgArr}: one robot, agent or system message for a customer.
 * <p>
 * Tolerant by design (cec-api §4): {@code timestamp} arrives as a string or a number, {@code robotGender} in any case
 * (normalised to lower case), and unknown fields are ignored. Source, control and media types stay strings because the
 * server adds values the table does not list (LOCATE, READ).
 * <p>
 * A message of a poll answer that could not be typed is still a message (ref §5: the poll handed it out once): it is
 * carried {@link #malformed(String, String, String, String) malformed}, with the raw JSON CEC sent, the reason, and its
 * {@code messageCode} and {@code to} when those were plain strings. The two component fields are written (under
 * {@code camelCec...} names, only when set) so a durable pending store keeps them.
 */
public class DownlinkMessage implements CecPayload {

    private String channel;
    private String content;
    private String from;
    private String to;
    private String mediaType;
    private String sourceType;
    private String controlType;
    private String senderNickname;
    private String senderAvatar;
    @JsonDeserialize(using = EpochMillisTextDeserializer.class)
    private String timestamp;
    private Long receiveTime;
    private String interIdx;
    @JsonProperty("isOfflineStatus")
    private String offlineStatus;
    private String messageCode;
    @JsonDeserialize(using = TextOrListDeserializer.class)
    private Object simQuestions;
    private String associationContentId;
    private String callId;
    private String queueFlag;
    private String robotGender;
    @JsonProperty("camelCecMalformed")
    private String malformed;
    @JsonProperty("camelCecRawJson")
    private String rawJson;

    /** A message that could not be typed: {@code reason} names the field and what was wrong with it. */
    public static DownlinkMessage malformed(String rawJson, String reason, String messageCode, String to) {
        DownlinkMessage message = new DownlinkMessage();
        message.rawJson = rawJson;
        message.malformed = reason;
        message.messageCode = messageCode;
        message.to = to;
        return message;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String getSourceType() {
        return sourceType;
    }

    public void setSourceType(String sourceType) {
        this.sourceType = sourceType;
    }

    public String getControlType() {
        return controlType;
    }

    public void setControlType(String controlType) {
        this.controlType = controlType;
    }

    public String getSenderNickname() {
        return senderNickname;
    }

    public void setSenderNickname(String senderNickname) {
        this.senderNickname = senderNickname;
    }

    public String getSenderAvatar() {
        return senderAvatar;
    }

    public void setSenderAvatar(String senderAvatar) {
        this.senderAvatar = senderAvatar;
    }

    /** Epoch milliseconds as a string, whichever form the server sent. */
    public String getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(String timestamp) {
        this.timestamp = timestamp;
    }

    public Long getReceiveTime() {
        return receiveTime;
    }

    public void setReceiveTime(Long receiveTime) {
        this.receiveTime = receiveTime;
    }

    public String getInterIdx() {
        return interIdx;
    }

    public void setInterIdx(String interIdx) {
        this.interIdx = interIdx;
    }

    public String getOfflineStatus() {
        return offlineStatus;
    }

    public void setOfflineStatus(String offlineStatus) {
        this.offlineStatus = offlineStatus;
    }

    public String getMessageCode() {
        return messageCode;
    }

    public void setMessageCode(String messageCode) {
        this.messageCode = messageCode;
    }

    /** Similar questions the robot suggests: null, a string or an array, as the server sent it. */
    public Object getSimQuestions() {
        return simQuestions;
    }

    public void setSimQuestions(Object simQuestions) {
        this.simQuestions = simQuestions;
    }

    public String getAssociationContentId() {
        return associationContentId;
    }

    public void setAssociationContentId(String associationContentId) {
        this.associationContentId = associationContentId;
    }

    public String getCallId() {
        return callId;
    }

    public void setCallId(String callId) {
        this.callId = callId;
    }

    public String getQueueFlag() {
        return queueFlag;
    }

    public void setQueueFlag(String queueFlag) {
        this.queueFlag = queueFlag;
    }

    /** {@code male}, {@code female} or null; cec-api §4.5: the sample sends {@code MALE}. */
    public String getRobotGender() {
        return robotGender;
    }

    public void setRobotGender(String robotGender) {
        this.robotGender = robotGender == null ? null : robotGender.toLowerCase(Locale.ROOT);
    }

    /** Why the message could not be typed (which field, what was wrong), or null for a typed message. */
    public String getMalformed() {
        return malformed;
    }

    /** The message as CEC sent it when it could not be typed, or null. */
    public String getRawJson() {
        return rawJson;
    }

    @Override
    public String toString() {
        if (malformed != null) {
            return "DownlinkMessage[malformed: " + malformed + ", messageCode=" + messageCode + "]";
        }
        return "DownlinkMessage[to=" + to + ", sourceType=" + sourceType + ", controlType=" + controlType
               + ", mediaType=" + mediaType + ", messageCode=" + messageCode + ", content=" + content + "]";
    }
}
