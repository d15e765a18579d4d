package io.github.camelcec.component.client;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.camelcec.component.model.ApplyTokenRequest;
import io.github.camelcec.component.model.ApplyTokenResponse;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.ChannelQuery;
import io.github.camelcec.component.model.ClickToCallEventsResponse;
import io.github.camelcec.component.model.ClickToCallRequest;
import io.github.camelcec.component.model.ClickToCallSupportResponse;
import io.github.camelcec.component.model.CreateCallRequest;
import io.github.camelcec.component.model.CreateCallResponse;
import io.github.camelcec.component.model.DownloadFileRequest;
import io.github.camelcec.component.model.DownloadFileResponse;
import io.github.camelcec.component.model.DropClickToCallRequest;
import io.github.camelcec.component.model.LeaveMessageRequest;
import io.github.camelcec.component.model.PhraseQueryRequest;
import io.github.camelcec.component.model.PhraseQueryResponse;
import io.github.camelcec.component.model.PollRequest;
import io.github.camelcec.component.model.PollResponse;
import io.github.camelcec.component.model.QueueInfoRequest;
import io.github.camelcec.component.model.QueueInfoResponse;
import io.github.camelcec.component.model.RobotFeedbackRequest;
import io.github.camelcec.component.model.SatisfactionRequest;
import io.github.camelcec.component.model.SendMessageRequest;
import io.github.camelcec.component.model.UploadFileRequest;
import io.github.camelcec.component.model.UploadFileResponse;

/**
 * The operation table: for every CEC web-client operation its HTTP method, path below the base URL, whether it is made
 * with a customer's token (cec-api §2 table), its request and response types, the defaults its request takes from the
 * settings ({@link RequestDefaults}) and its validation ({@link RequestValidator}). A GET operation's request is sent
 * as the query string. {@code mobileagent/createcall} never gets a customer token (ref §16).
 *
 * @param <Q> the request type
 * @param <R> the response type
 */
public final class CecApi<Q, R extends CecResult> {

    /** cec-api §2: the gateway token endpoint lives outside {@code /apiaccess}. */
    public static final String TOKEN_BY_AKSK_PATH = "/apigovernance/api/oauth/tokenByAkSk";

    private static final String BASE = "/apiaccess/ccmessaging";

    public static final CecApi<ApplyTokenRequest, ApplyTokenResponse> APPLY_TOKEN = new CecApi<>(
            "applyToken", "POST", "/applyToken", false, ApplyTokenRequest::new, ApplyTokenResponse.class,
            RequestValidator::applyToken);
    public static final CecApi<SendMessageRequest, CecResult> SEND = new CecApi<>(
            "send", "POST", "/send", true, SendMessageRequest::new, CecResult.class, RequestValidator::send);
    public static final CecApi<PollRequest, PollResponse> POLL = new CecApi<>(
            "poll", "GET", "/poll", true, PollRequest::new, PollResponse.class, RequestValidator::poll);
    public static final CecApi<UploadFileRequest, UploadFileResponse> UPLOAD_FILE = new CecApi<>(
            "upload", "POST", "/uploadFileStream", true, UploadFileRequest::new, UploadFileResponse.class,
            RequestValidator::upload);
    public static final CecApi<DownloadFileRequest, DownloadFileResponse> DOWNLOAD_FILE = new CecApi<>(
            "download", "POST", "/downloadFileStream", true, DownloadFileRequest::new, DownloadFileResponse.class,
            RequestValidator::download);
    public static final CecApi<SatisfactionRequest, CecResult> SAVE_SATISFACTION = new CecApi<>(
            "satisfaction", "POST", "/saveSatisfaction", true, SatisfactionRequest::new, CecResult.class,
            RequestValidator::satisfaction);
    public static final CecApi<RobotFeedbackRequest, CecResult> ROBOT_FEEDBACK = new CecApi<>(
            "robotFeedback", "POST", "/v1/robot/feedbacksatisfaction", true, RobotFeedbackRequest::new,
            CecResult.class, RequestValidator::robotFeedback);
    public static final CecApi<QueueInfoRequest, QueueInfoResponse> QUERY_QUEUE_INFO = new CecApi<>(
            "queueInfo", "POST", "/queryQueueInfo", true, QueueInfoRequest::new, QueueInfoResponse.class,
            RequestValidator::queueInfo);
    public static final CecApi<PhraseQueryRequest, PhraseQueryResponse> QUERY_PHRASES = new CecApi<>(
            "phrases", "POST", "/queryPhraseByKeyword", true, PhraseQueryRequest::new, PhraseQueryResponse.class,
            RequestValidator::phrases);
    public static final CecApi<LeaveMessageRequest, CecResult> LEAVE_MESSAGE = new CecApi<>(
            "leaveMessage", "POST", "/doLeaveMessage", true, LeaveMessageRequest::new, CecResult.class,
            RequestValidator::leaveMessage);
    public static final CecApi<CreateCallRequest, CreateCallResponse> CREATE_CALL = new CecApi<>(
            "createCall", "POST", "/v1/mobileagent/createcall", false, CreateCallRequest::new,
            CreateCallResponse.class, RequestValidator::createCall);
    public static final CecApi<ClickToCallRequest, CecResult> CREATE_CLICK_TO_CALL = new CecApi<>(
            "clickToCall", "POST", "/v1/createClickToCall", true, ClickToCallRequest::new, CecResult.class,
            RequestValidator::clickToCall);
    public static final CecApi<ChannelQuery, ClickToCallEventsResponse> GET_CLICK_TO_CALL_EVENTS = new CecApi<>(
            "clickToCallEvents", "GET", "/v1/getClickToCallEvents", true, ChannelQuery::new,
            ClickToCallEventsResponse.class, RequestValidator::channel);
    public static final CecApi<ChannelQuery, ClickToCallSupportResponse> CHECK_CLICK_TO_CALL_SUPPORT = new CecApi<>(
            "clickToCallSupport", "GET", "/v1/checkClickToCallSupport", true, ChannelQuery::new,
            ClickToCallSupportResponse.class, RequestValidator::channel);
    public static final CecApi<DropClickToCallRequest, CecResult> DROP_CLICK_TO_CALL = new CecApi<>(
            "dropClickToCall", "POST", "/v1/dropClickToCall", true, DropClickToCallRequest::new, CecResult.class,
            RequestValidator::dropClickToCall);

    private static final List<CecApi<?, ?>> ALL = List.of(APPLY_TOKEN, SEND, POLL, UPLOAD_FILE, DOWNLOAD_FILE,
            SAVE_SATISFACTION, ROBOT_FEEDBACK, QUERY_QUEUE_INFO, QUERY_PHRASES, LEAVE_MESSAGE, CREATE_CALL,
            CREATE_CLICK_TO_CALL, GET_CLICK_TO_CALL_EVENTS, CHECK_CLICK_TO_CALL_SUPPORT, DROP_CLICK_TO_CALL);

    private final String name;
    private final String method;
    private final String defaultPath;
    private final boolean customerToken;
    private final Supplier<Q> emptyRequest;
    private final Class<R> responseType;
    private final Consumer<Q> validator;

    private CecApi(String name, String method, String path, boolean customerToken, Supplier<Q> emptyRequest,
                   Class<R> responseType, Consumer<Q> validator) {
        this.name = name;
        this.method = method;
        this.defaultPath = BASE + path;
        this.customerToken = customerToken;
        this.emptyRequest = emptyRequest;
        this.responseType = responseType;
        this.validator = validator;
    }

    /** Every operation, in the reference's order. */
    public static List<CecApi<?, ?>> values() {
        return ALL;
    }

    /** The operation's name in errors and logs (the {@code cec:} URI path). */
    public String name() {
        return name;
    }

    public String method() {
        return method;
    }

    /** The request is sent as the query string rather than a JSON body. */
    public boolean isQuery() {
        return "GET".equals(method);
    }

    /** The reference table's path; cec-api §4.6: configurable per operation because samples differ. */
    public String defaultPath() {
        return defaultPath;
    }

    /** Whether the operation is made on behalf of one customer, with that customer's token. */
    public boolean usesCustomerToken() {
        return customerToken;
    }

    /** A request with nothing set, for operations called without one. */
    public Q emptyRequest() {
        return emptyRequest.get();
    }

    public Class<R> responseType() {
        return responseType;
    }

    /** Every limit of the reference for this request, before any request is made. */
    public void validate(Q request) {
        validator.accept(request);
    }

    @Override
    public String toString() {
        return name;
    }
}
