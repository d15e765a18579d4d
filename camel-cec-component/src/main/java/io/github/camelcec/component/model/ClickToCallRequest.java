package io.github.camelcec.component.model;

/** ref §11: start a click-to-call ({@code mediaAbility} "0" audio, "1" video). */
public class ClickToCallRequest implements CecPayload {

    private String channel;
    private String mediaAbility;

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getMediaAbility() {
        return mediaAbility;
    }

    public void setMediaAbility(String mediaAbility) {
        this.mediaAbility = mediaAbility;
    }
}
