package io.github.camelcec.component.model;

/** ref §6.1.2 {@code satisfactionInfo}: the customer's rating of the conversation. */
public class SatisfactionRequest implements CecPayload {

    private String channel;
    private String userId;
    private String evaluation;
    private String comment;
    private String channelConfigId;

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getEvaluation() {
        return evaluation;
    }

    public void setEvaluation(String evaluation) {
        this.evaluation = evaluation;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getChannelConfigId() {
        return channelConfigId;
    }

    public void setChannelConfigId(String channelConfigId) {
        this.channelConfigId = channelConfigId;
    }
}
