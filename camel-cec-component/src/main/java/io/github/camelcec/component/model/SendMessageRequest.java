package io.github.camelcec.component.model;

/**
 * ref §7.1.2 {@code sendMsgReq}: an uplink message from the customer. Fields the caller leaves null ({@code channel},
 * {@code from}, {@code to}, {@code sourceType}, {@code timestamp}, empty content for control messages) are filled by
 * the client from its configuration.
 */
public class SendMessageRequest implements CecPayload {

    /** ref §7.1.2: the only source type an uplink message can have. */
    public static final String SOURCE_CUSTOMER = "CUSTOMER";

    private String channel;
    private String content;
    private ControlType controlType;
    private String from;
    private MediaType mediaType;
    private String senderNickname;
    private String sourceType;
    private String timestamp;
    private String to;
    private String userAgent;
    private String senderAvatar;

    /** A TEXT CHAT message. */
    public static SendMessageRequest text(String text) {
        SendMessageRequest r = new SendMessageRequest();
        r.setControlType(ControlType.CHAT);
        r.setMediaType(MediaType.TEXT);
        r.setContent(text);
        return r;
    }

    /** A control message (CONNECT, TRANS2AGENT, INPUT, DISCONNECT) with empty content. */
    public static SendMessageRequest control(ControlType controlType) {
        SendMessageRequest r = new SendMessageRequest();
        r.setControlType(controlType);
        r.setMediaType(MediaType.TEXT);
        r.setContent("");
        return r;
    }

    /** A media CHAT message; ref §7.1.2: content is {@code objectKey,ext}. */
    public static SendMessageRequest media(MediaType mediaType, String objectKey, String fileType) {
        SendMessageRequest r = new SendMessageRequest();
        r.setControlType(ControlType.CHAT);
        r.setMediaType(mediaType);
        r.setContent(objectKey + "," + fileType);
        return r;
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

    public ControlType getControlType() {
        return controlType;
    }

    public void setControlType(ControlType controlType) {
        this.controlType = controlType;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public MediaType getMediaType() {
        return mediaType;
    }

    public void setMediaType(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    public String getSenderNickname() {
        return senderNickname;
    }

    public void setSenderNickname(String senderNickname) {
        this.senderNickname = senderNickname;
    }

    public String getSourceType() {
        return sourceType;
    }

    public void setSourceType(String sourceType) {
        this.sourceType = sourceType;
    }

    public String getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(String timestamp) {
        this.timestamp = timestamp;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public String getSenderAvatar() {
        return senderAvatar;
    }

    public void setSenderAvatar(String senderAvatar) {
        this.senderAvatar = senderAvatar;
    }

    @Override
    public String toString() {
        return "SendMessageRequest[from=" + from + ", controlType=" + controlType + ", mediaType=" + mediaType
               + ", contentLength=" + (content == null ? 0 : content.length()) + "]";
    }
}
