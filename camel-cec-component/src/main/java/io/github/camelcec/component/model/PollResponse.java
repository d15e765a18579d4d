package io.github.camelcec.component.model;

import java.util.ArrayList;
import java.util.List;

/** ref §5.1.2 {@code pollRsp}: the messages waiting for one customer; each is handed out once. */
public class PollResponse extends CecResult {

    private List<DownlinkMessage> downlinkMessages = new ArrayList<>();

    /** Never null: an absent array reads as empty. */
    public List<DownlinkMessage> getDownlinkMessages() {
        return downlinkMessages;
    }

    public void setDownlinkMessages(List<DownlinkMessage> downlinkMessages) {
        this.downlinkMessages = downlinkMessages == null ? new ArrayList<>() : downlinkMessages;
    }
}
