package io.github.camelcec.component.model;

/** ref §5.1.1: the query of a poll, {@code ?receiverId=&channel=}. */
public class PollRequest implements CecPayload {

    private String receiverId;
    private String channel;

    public static PollRequest of(String receiverId) {
        PollRequest r = new PollRequest();
        r.setReceiverId(receiverId);
        return r;
    }

    public String getReceiverId() {
        return receiverId;
    }

    public void setReceiverId(String receiverId) {
        this.receiverId = receiverId;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }
}
