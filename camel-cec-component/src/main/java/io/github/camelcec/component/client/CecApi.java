package io.github.camelcec.component.client;

/**
 * Every CEC web-client operation the client calls: HTTP method, path below the base URL, and which credentials the
 * reference requires (cec-api §2 table). The component sends every credential it has, except that
 * {@code mobileagent/createcall} never gets a customer token (ref §16).
 */
public enum CecApi {

    APPLY_TOKEN("POST", "/apiaccess/ccmessaging/applyToken", false),
    SEND("POST", "/apiaccess/ccmessaging/send", true),
    POLL("GET", "/apiaccess/ccmessaging/poll", true),
    UPLOAD_FILE("POST", "/apiaccess/ccmessaging/uploadFileStream", true),
    DOWNLOAD_FILE("POST", "/apiaccess/ccmessaging/downloadFileStream", true),
    SAVE_SATISFACTION("POST", "/apiaccess/ccmessaging/saveSatisfaction", true),
    ROBOT_FEEDBACK("POST", "/apiaccess/ccmessaging/v1/robot/feedbacksatisfaction", true),
    QUERY_QUEUE_INFO("POST", "/apiaccess/ccmessaging/queryQueueInfo", true),
    QUERY_PHRASES("POST", "/apiaccess/ccmessaging/queryPhraseByKeyword", true),
    LEAVE_MESSAGE("POST", "/apiaccess/ccmessaging/doLeaveMessage", true),
    CREATE_CALL("POST", "/apiaccess/ccmessaging/v1/mobileagent/createcall", false),
    CREATE_CLICK_TO_CALL("POST", "/apiaccess/ccmessaging/v1/createClickToCall", true),
    GET_CLICK_TO_CALL_EVENTS("GET", "/apiaccess/ccmessaging/v1/getClickToCallEvents", true),
    CHECK_CLICK_TO_CALL_SUPPORT("GET", "/apiaccess/ccmessaging/v1/checkClickToCallSupport", true),
    DROP_CLICK_TO_CALL("POST", "/apiaccess/ccmessaging/v1/dropClickToCall", true);

    /** cec-api §2: the gateway token endpoint lives outside {@code /apiaccess}. */
    public static final String TOKEN_BY_AKSK_PATH = "/apigovernance/api/oauth/tokenByAkSk";

    private final String method;
    private final String defaultPath;
    private final boolean customerToken;

    CecApi(String method, String defaultPath, boolean customerToken) {
        this.method = method;
        this.defaultPath = defaultPath;
        this.customerToken = customerToken;
    }

    public String method() {
        return method;
    }

    /** The reference table's path; cec-api §4.6: configurable per operation because samples differ. */
    public String defaultPath() {
        return defaultPath;
    }

    /** Whether the operation is made on behalf of one customer, with that customer's token. */
    public boolean usesCustomerToken() {
        return customerToken;
    }
}
