package io.github.camelcec.component.model;

/** ref §3.1.1 {@code applyTokenReqBody}: ask for a customer token ({@code channelId} is the channel configuration ID). */
public class ApplyTokenRequest implements CecPayload {

    private String userId;
    private String userName;
    private String channelId;
    private String locale;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getChannelId() {
        return channelId;
    }

    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }
}
