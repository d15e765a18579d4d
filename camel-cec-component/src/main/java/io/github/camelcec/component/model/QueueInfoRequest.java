package io.github.camelcec.component.model;

/** ref §4.1.1: where the customer stands in the agent queue. */
public class QueueInfoRequest implements CecPayload {

    private String userId;
    private String channelConfigId;
    private String channel;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getChannelConfigId() {
        return channelConfigId;
    }

    public void setChannelConfigId(String channelConfigId) {
        this.channelConfigId = channelConfigId;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }
}
