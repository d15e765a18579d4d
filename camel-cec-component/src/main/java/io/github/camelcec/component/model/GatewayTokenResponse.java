package io.github.camelcec.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** cec-api §2: the answer of {@code tokenByAkSk}. {@code CreateTime} and {@code Expires} are seconds, as strings. */
public class GatewayTokenResponse {

    @JsonProperty("AccessToken")
    private String accessToken;
    @JsonProperty("ApplyType")
    private String applyType;
    @JsonProperty("CreateTime")
    private String createTime;
    @JsonProperty("Expires")
    private String expires;
    @JsonProperty("Scope")
    private String scope;
    @JsonProperty("AppKey")
    private String appKey;
    @JsonProperty("UserID")
    private String userId;

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getApplyType() {
        return applyType;
    }

    public void setApplyType(String applyType) {
        this.applyType = applyType;
    }

    public String getCreateTime() {
        return createTime;
    }

    public void setCreateTime(String createTime) {
        this.createTime = createTime;
    }

    public String getExpires() {
        return expires;
    }

    public void setExpires(String expires) {
        this.expires = expires;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getAppKey() {
        return appKey;
    }

    public void setAppKey(String appKey) {
        this.appKey = appKey;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    @Override
    public String toString() {
        return "GatewayTokenResponse[accessToken=***, expires=" + expires + "]";
    }
}
