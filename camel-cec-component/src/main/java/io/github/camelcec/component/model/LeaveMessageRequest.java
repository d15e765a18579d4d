package io.github.camelcec.component.model;

/** ref §15: leave a message, e.g. when CONNECT failed outside working hours. */
public class LeaveMessageRequest implements CecPayload {

    private String callId;
    private String caller;
    private String leaveMessage;
    private String channel;

    public String getCallId() {
        return callId;
    }

    public void setCallId(String callId) {
        this.callId = callId;
    }

    public String getCaller() {
        return caller;
    }

    public void setCaller(String caller) {
        this.caller = caller;
    }

    public String getLeaveMessage() {
        return leaveMessage;
    }

    public void setLeaveMessage(String leaveMessage) {
        this.leaveMessage = leaveMessage;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }
}
