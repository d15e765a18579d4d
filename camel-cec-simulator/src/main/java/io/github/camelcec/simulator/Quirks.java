package io.github.camelcec.simulator;

/**
 * The reference's self-contradictions (cec-api.md §4). Each switch is on by default, reproducing the vendor's sample;
 * off gives the spelling of the reference's table.
 */
public final class Quirks {

    private volatile boolean returnCodeOnUploadAndSatisfaction;
    private volatile boolean questionForPhrases;
    private volatile boolean webRtcSupportedCapitalS;
    private volatile boolean gzipCreateCall;
    private volatile boolean numericTimestamps;
    private volatile boolean numericEventId;
    private volatile boolean upperCaseRobotGender;
    private volatile boolean exceptionAppearedOnSatisfaction;

    Quirks() {
        restoreDefaults();
    }

    void restoreDefaults() {
        returnCodeOnUploadAndSatisfaction = true;
        questionForPhrases = true;
        webRtcSupportedCapitalS = true;
        gzipCreateCall = true;
        numericTimestamps = true;
        numericEventId = true;
        upperCaseRobotGender = true;
        exceptionAppearedOnSatisfaction = true;
    }

    /** Ref §6.2, §8.2 samples: {@code returnCode} instead of {@code resultCode}. */
    public boolean returnCodeOnUploadAndSatisfaction() {
        return returnCodeOnUploadAndSatisfaction;
    }

    public void returnCodeOnUploadAndSatisfaction(boolean on) {
        returnCodeOnUploadAndSatisfaction = on;
    }

    /** Ref §10.2 sample: the phrase array is named {@code question}, not {@code phrases}. */
    public boolean questionForPhrases() {
        return questionForPhrases;
    }

    public void questionForPhrases(boolean on) {
        questionForPhrases = on;
    }

    /** Ref §13.1 sample: {@code webRTCSupported}; the table says {@code webRTCsupported}. */
    public boolean webRtcSupportedCapitalS() {
        return webRtcSupportedCapitalS;
    }

    public void webRtcSupportedCapitalS(boolean on) {
        webRtcSupportedCapitalS = on;
    }

    /** Ref §16.1 sample: the createcall response is gzip-encoded. */
    public boolean gzipCreateCall() {
        return gzipCreateCall;
    }

    public void gzipCreateCall(boolean on) {
        gzipCreateCall = on;
    }

    /** Ref §5.2 sample: downlink {@code timestamp} is a JSON number; the table says string. */
    public boolean numericTimestamps() {
        return numericTimestamps;
    }

    public void numericTimestamps(boolean on) {
        numericTimestamps = on;
    }

    /** Ref §12.1 sample: {@code eventId} is a JSON number; the table says string. */
    public boolean numericEventId() {
        return numericEventId;
    }

    public void numericEventId(boolean on) {
        numericEventId = on;
    }

    /** Ref §5.2 sample: {@code robotGender} is {@code MALE}; the table says {@code male}. */
    public boolean upperCaseRobotGender() {
        return upperCaseRobotGender;
    }

    public void upperCaseRobotGender(boolean on) {
        upperCaseRobotGender = on;
    }

    /** Ref §6.1.1: a successful saveSatisfaction says {@code "Exception appeared!"} with code 0. */
    public boolean exceptionAppearedOnSatisfaction() {
        return exceptionAppearedOnSatisfaction;
    }

    public void exceptionAppearedOnSatisfaction(boolean on) {
        exceptionAppearedOnSatisfaction = on;
    }
}
