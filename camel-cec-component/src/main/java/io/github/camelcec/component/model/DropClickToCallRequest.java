package io.github.camelcec.component.model;

/** ref §14: release the current click-to-call. */
public class DropClickToCallRequest implements CecPayload {

    private String channel;

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }
}
