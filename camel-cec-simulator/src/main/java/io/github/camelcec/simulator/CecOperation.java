package io.github.camelcec.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One constant per API the simulator serves, with its HTTP method, canonical path and credential rules. */
public enum CecOperation {
    TOKEN_BY_AKSK("POST", "/apigovernance/api/oauth/tokenByAkSk", CredentialRule.NOT_USED, CredentialRule.NOT_USED),
    APPLY_TOKEN("POST", Paths.CCM + "/applyToken", CredentialRule.REQUIRED, CredentialRule.NOT_USED),
    SEND("POST", Paths.CCM + "/send", CredentialRule.REQUIRED, CredentialRule.REQUIRED),
    POLL("GET", Paths.CCM + "/poll", CredentialRule.REQUIRED, CredentialRule.REQUIRED),
    UPLOAD_FILE("POST", Paths.CCM + "/uploadFileStream", CredentialRule.REQUIRED, CredentialRule.REQUIRED),
    DOWNLOAD_FILE("POST", Paths.CCM + "/downloadFileStream", CredentialRule.REQUIRED, CredentialRule.REQUIRED),
    SAVE_SATISFACTION("POST", Paths.CCM + "/saveSatisfaction", CredentialRule.REQUIRED, CredentialRule.REQUIRED),
    ROBOT_FEEDBACK("POST", Paths.CCM + "/v1/robot/feedbacksatisfaction", CredentialRule.REQUIRED, CredentialRule.REQUIRED),
    QUERY_QUEUE_INFO("POST", Paths.CCM + "/queryQueueInfo", CredentialRule.OPTIONAL, CredentialRule.OPTIONAL),
    QUERY_PHRASES("POST", Paths.CCM + "/queryPhraseByKeyword", CredentialRule.OPTIONAL, CredentialRule.REQUIRED),
    LEAVE_MESSAGE("POST", Paths.CCM + "/doLeaveMessage", CredentialRule.REQUIRED, CredentialRule.REQUIRED),
    CREATE_CALL("POST", Paths.CCM + "/v1/mobileagent/createcall", CredentialRule.REQUIRED, CredentialRule.NOT_USED),
    // ref §11-§14: the samples use the paths without /v1, the tables with it; both are served
    CREATE_CLICK_TO_CALL("POST", Paths.CCM + "/v1/createClickToCall", CredentialRule.OPTIONAL, CredentialRule.OPTIONAL,
            Paths.CCM + "/createClickToCall"),
    GET_CLICK_TO_CALL_EVENTS("GET", Paths.CCM + "/v1/getClickToCallEvents", CredentialRule.REQUIRED, CredentialRule.REQUIRED,
            Paths.CCM + "/getClickToCallEvents"),
    CHECK_CLICK_TO_CALL_SUPPORT("GET", Paths.CCM + "/v1/checkClickToCallSupport", CredentialRule.REQUIRED, CredentialRule.REQUIRED,
            Paths.CCM + "/checkClickToCallSupport"),
    DROP_CLICK_TO_CALL("POST", Paths.CCM + "/v1/dropClickToCall", CredentialRule.REQUIRED, CredentialRule.REQUIRED,
            Paths.CCM + "/dropClickToCall");

    private static final Map<String, CecOperation> BY_PATH = new HashMap<>();

    static {
        for (CecOperation op : values()) {
            for (String p : op.paths) {
                BY_PATH.put(p, op);
            }
        }
    }

    private final String method;
    private final String path;
    private final List<String> paths;
    private final CredentialRule gatewayToken;
    private final CredentialRule customerToken;

    CecOperation(String method, String path, CredentialRule gatewayToken, CredentialRule customerToken, String... aliases) {
        this.method = method;
        this.path = path;
        this.gatewayToken = gatewayToken;
        this.customerToken = customerToken;
        String[] all = new String[aliases.length + 1];
        all[0] = path;
        System.arraycopy(aliases, 0, all, 1, aliases.length);
        this.paths = List.of(all);
    }

    public String method() {
        return method;
    }

    /** The canonical path (the reference table's), e.g. {@code /apiaccess/ccmessaging/v1/mobileagent/createcall}. */
    public String path() {
        return path;
    }

    /** Every path this operation is served at: the canonical one first, then the samples' spellings. */
    public List<String> paths() {
        return paths;
    }

    /** Whether {@code Authorization} + {@code x-app-key} are needed. */
    public CredentialRule gatewayToken() {
        return gatewayToken;
    }

    /** Whether {@code ccmessaging-token} is needed. */
    public CredentialRule customerToken() {
        return customerToken;
    }

    /** The operation served at exactly this path (no trailing slash, ref §1.2.3), if any. */
    public static Optional<CecOperation> forPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    private static final class Paths {
        static final String CCM = "/apiaccess/ccmessaging";
    }
}
