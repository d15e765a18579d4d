package io.github.camelcec.component.model;

import java.util.List;

/** ref §12: the current click-to-call event. cec-api §4.4: {@code eventId} arrives as a string or a number. */
public class ClickToCallEventsResponse extends CecResult {

    private String eventId;
    private Event content;

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public Event getContent() {
        return content;
    }

    public void setContent(Event content) {
        this.content = content;
    }

    /** ref §12: cause and the WebRTC gateway to reach. */
    public static class Event {
        private String causeDesc;
        private String causeId;
        private String accessCode;
        private String domain;
        private List<String> gwAddresses;
        private String clickToCallCaller;

        public String getCauseDesc() {
            return causeDesc;
        }

        public void setCauseDesc(String causeDesc) {
            this.causeDesc = causeDesc;
        }

        public String getCauseId() {
            return causeId;
        }

        public void setCauseId(String causeId) {
            this.causeId = causeId;
        }

        public String getAccessCode() {
            return accessCode;
        }

        public void setAccessCode(String accessCode) {
            this.accessCode = accessCode;
        }

        public String getDomain() {
            return domain;
        }

        public void setDomain(String domain) {
            this.domain = domain;
        }

        public List<String> getGwAddresses() {
            return gwAddresses;
        }

        public void setGwAddresses(List<String> gwAddresses) {
            this.gwAddresses = gwAddresses;
        }

        public String getClickToCallCaller() {
            return clickToCallCaller;
        }

        public void setClickToCallCaller(String clickToCallCaller) {
            this.clickToCallCaller = clickToCallCaller;
        }
    }
}
