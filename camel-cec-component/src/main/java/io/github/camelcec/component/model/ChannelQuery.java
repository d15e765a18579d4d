package io.github.camelcec.component.model;

/** ref §12, §13: the query of the click-to-call GET operations, {@code ?channel=}. */
public class ChannelQuery implements CecPayload {

    private String channel;

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }
}
