package io.github.camelcec.component.model;

/** ref §16: an anonymous outbound call task (gateway credentials only, no customer token). */
public class CreateCallRequest implements CecPayload {

    private String called;
    private String callData;
    private String callerPresent;

    public String getCalled() {
        return called;
    }

    public void setCalled(String called) {
        this.called = called;
    }

    public String getCallData() {
        return callData;
    }

    public void setCallData(String callData) {
        this.callData = callData;
    }

    public String getCallerPresent() {
        return callerPresent;
    }

    public void setCallerPresent(String callerPresent) {
        this.callerPresent = callerPresent;
    }
}
