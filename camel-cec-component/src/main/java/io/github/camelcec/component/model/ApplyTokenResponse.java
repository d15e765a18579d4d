package io.github.camelcec.component.model;

/** ref §3.1.2 {@code applyTokenRspBody}: the customer token (valid one hour). */
public class ApplyTokenResponse extends CecResult {

    private String token;

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
