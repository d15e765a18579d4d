package io.github.camelcec.component.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/** ref §13: whether the tenant supports WebRTC and click-to-call. cec-api §4.3: both spellings of webRTC are read. */
public class ClickToCallSupportResponse extends CecResult {

    @JsonProperty("webRTCsupported")
    @JsonAlias("webRTCSupported")
    private Boolean webRtcSupported;
    private Boolean clickToCallSupported;

    public Boolean getWebRtcSupported() {
        return webRtcSupported;
    }

    public void setWebRtcSupported(Boolean webRtcSupported) {
        this.webRtcSupported = webRtcSupported;
    }

    public Boolean getClickToCallSupported() {
        return clickToCallSupported;
    }

    public void setClickToCallSupported(Boolean clickToCallSupported) {
        this.clickToCallSupported = clickToCallSupported;
    }
}
