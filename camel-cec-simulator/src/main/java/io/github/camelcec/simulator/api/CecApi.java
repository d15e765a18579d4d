package io.github.camelcec.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.Quirks;
import io.github.camelcec.simulator.SessionMode;
import io.github.camelcec.simulator.http.HttpExchange;
import io.github.camelcec.simulator.state.ClickToCalls;
import io.github.camelcec.simulator.state.Customer;
import io.github.camelcec.simulator.state.DownlinkMessage;
import io.github.camelcec.simulator.state.FileStore.StoredFile;
import io.github.camelcec.simulator.state.GatewayTokens.GatewayToken;
import io.github.camelcec.simulator.state.Session;
import io.github.camelcec.simulator.state.SimulatorState;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The CEC operations: credential checks, then each reference section's validation and business codes. Runs on the
 * event loop; nothing here blocks (state is in concurrent maps, per-customer work holds only that customer's monitor).
 */
public final class CecApi {

    static final String WEB = "WEB";
    /** Ref §8.1.1 upload file types; "bpm" is the reference's spelling, "bmp" what it means (cec-api.md §4.7). */
    static final Set<String> UPLOAD_TYPES = Set.of("jpg", "png", "bpm", "bmp", "mp3", "aac", "mp4", "txt", "csv");
    /** Download accepts the upload types plus those of the vendor's English docs (cec-api.md §5). */
    static final Set<String> DOWNLOAD_TYPES = Set.of("jpg", "png", "bpm", "bmp", "mp3", "aac", "mp4", "txt", "csv",
            "richtext", "doc", "docx", "pdf", "zip");
    static final Set<String> CONTROL_TYPES = Set.of("CONNECT", "CHAT", "TRANS2AGENT", "INPUT", "DISCONNECT");
    static final Set<String> MEDIA_TYPES = Set.of("TEXT", "IMAGE", "AUDIO", "VIDEO", "FILE", "FILE_IMAGE", "FILE_VIDEO");
    static final Set<String> AGENT_MEDIA_TYPES = Set.of("IMAGE", "AUDIO", "VIDEO");
    static final String NOT_WORKING_TIME = "The current time is not within the working time of the service agents";
    static final String FLOW_CONTROL_CODE = "10010000002";
    /** Ref §16.1 sample values. */
    static final String SIP_SERVICE_ADDRESS = "10.137.203.215:5063";
    static final String ACCESS_CODE_PREFIX = "17908002";
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{1,32}");
    private static final int MAX_TEXT_BYTES = 1024;

    private final ApiSettings settings;
    private final SimulatorState state;
    private final Quirks quirks;
    private final Credentials credentials;
    private final Downlinks downlinks;
    private final AtomicLong callIds = new AtomicLong();
    private final AtomicLong callSerials = new AtomicLong();

    public CecApi(ApiSettings settings, SimulatorState state, Quirks quirks) {
        this.settings = settings;
        this.state = state;
        this.quirks = quirks;
        this.credentials = new Credentials(settings, state);
        this.downlinks = new Downlinks(settings.channelConfigId(), settings.clock(), quirks);
    }

    /** Answers one request of {@code op}; {@code expireCustomerToken} and {@code redeliver} are injected faults. */
    public ApiResponse handle(CecOperation op, HttpExchange ex, boolean expireCustomerToken, boolean redeliver) {
        if (op == CecOperation.TOKEN_BY_AKSK) {
            return tokenByAkSk(ex);
        }
        ApiResponse gatewayFailure = credentials.checkGateway(op, ex);
        if (gatewayFailure != null) {
            return gatewayFailure;
        }
        ObjectNode body = null;
        if ("POST".equals(op.method())) {
            body = Json.parseObject(ex.body());
            if (body == null) {
                return ApiResponse.error(400, "the request body is not a JSON object");
            }
        }
        Credentials.CustomerAuth auth = credentials.checkCustomer(op, ex, claimedUser(op, ex, body), expireCustomerToken);
        if (auth.failure() != null) {
            return auth.failure();
        }
        ApiResponse answer = switch (op) {
            case APPLY_TOKEN -> applyToken(body);
            case SEND -> send(body);
            case POLL -> poll(ex, auth.userId(), redeliver);
            case UPLOAD_FILE -> upload(body);
            case DOWNLOAD_FILE -> download(body);
            case SAVE_SATISFACTION -> saveSatisfaction(body);
            case ROBOT_FEEDBACK -> robotFeedback(body);
            case QUERY_QUEUE_INFO -> queueInfo(body);
            case QUERY_PHRASES -> phrases(body);
            case LEAVE_MESSAGE -> leaveMessage(body);
            case CREATE_CALL -> createCall(body);
            case CREATE_CLICK_TO_CALL -> createClickToCall(body, auth.userId());
            case GET_CLICK_TO_CALL_EVENTS -> clickToCallEvents(ex, auth.userId());
            case CHECK_CLICK_TO_CALL_SUPPORT -> clickToCallSupport();
            case DROP_CLICK_TO_CALL -> dropClickToCall(body, auth.userId());
            case TOKEN_BY_AKSK -> throw new IllegalStateException("handled above");
        };
        return auth.rotatedToken() == null ? answer : answer.withHeader("ccmessaging-token", auth.rotatedToken());
    }

    /** The user a request speaks for, checked against the customer token's user. */
    private static String claimedUser(CecOperation op, HttpExchange ex, ObjectNode body) {
        return switch (op) {
            case SEND, ROBOT_FEEDBACK -> Json.text(body, "from");
            case POLL -> ex.queryParam("receiverId");
            case QUERY_QUEUE_INFO, SAVE_SATISFACTION -> Json.text(body, "userId");
            default -> null;
        };
    }

    /** The answer to flow control, injected as a fault (ref §17.1: 10010000002). */
    public static ApiResponse flowControl() {
        return ApiResponse.ok(result(FLOW_CONTROL_CODE, "flow control: too many requests, back off"));
    }

    public static ApiResponse injectedResult(String code) {
        return ApiResponse.ok(result(code, "injected result code " + code));
    }

    // ref §2: tokenByAkSk
    private ApiResponse tokenByAkSk(HttpExchange ex) {
        ObjectNode body = Json.parseObject(ex.body());
        if (body == null) {
            return ApiResponse.error(400, "the request body is not a JSON object");
        }
        long ttl;
        String expire = ex.header("x-token-expire");
        if (expire == null) {
            ttl = 600;
        } else {
            try {
                ttl = Long.parseLong(expire.trim());
            } catch (NumberFormatException e) {
                return ApiResponse.error(400, "X-Token-Expire is not a number of seconds: " + expire);
            }
            if (ttl <= 0 || ttl > settings.maxGatewayTokenTtl().toSeconds()) {
                return ApiResponse.error(400, "X-Token-Expire must be within 1.." + settings.maxGatewayTokenTtl().toSeconds());
            }
        }
        if (!settings.appKey().equals(Json.text(body, "app_key")) || !settings.appSecret().equals(Json.text(body, "app_secret"))) {
            return ApiResponse.error(401, "wrong app_key or app_secret");
        }
        GatewayToken token = state.gatewayTokens().issue(settings.appKey(), settings.clock().instant(), ttl);
        ObjectNode answer = Json.object()
                .put("AccessToken", token.value())
                .put("ApplyType", "Bearer")
                .put("CreateTime", Long.toString(token.createdAt().getEpochSecond()))
                .put("Expires", Long.toString(ttl))
                .put("Scope", "ccmessaging")
                .put("AppKey", settings.appKey())
                .put("UserID", "Anonymous");
        return ApiResponse.ok(answer);
    }

    // ref §3: applyToken
    private ApiResponse applyToken(ObjectNode body) {
        String userId = Json.text(body, "userId");
        if (Json.blank(userId) || userId.length() > 32) {
            return ApiResponse.ok(result("1", "userId must be 1-32 characters"));
        }
        if (Json.blank(Json.text(body, "userName"))) {
            return ApiResponse.ok(result("1", "userName is required"));
        }
        if (!settings.channelConfigId().equals(Json.text(body, "channelId"))) {
            return ApiResponse.ok(result("1", "channelId is not a channel configuration ID"));
        }
        String locale = Json.text(body, "locale");
        if (Json.blank(locale)) {
            return ApiResponse.ok(result("1", "locale is required"));
        }
        state.customers().getOrCreate(userId).locale(locale);
        Instant expiresAt = settings.clock().instant().plus(settings.customerTokenTtl());
        String token = state.customerTokens().issue(userId, expiresAt).value();
        // ref §3.1.2: resultDesc is "not returned today"
        return ApiResponse.ok(Json.object().put("token", token).put("resultCode", "0"));
    }

    // ref §7: send
    private ApiResponse send(ObjectNode body) {
        for (String field : List.of("channel", "controlType", "from", "mediaType", "sourceType", "to")) {
            if (Json.blank(Json.text(body, field))) {
                return ApiResponse.ok(result("13", "param is invalid: " + field + " is required"));
            }
        }
        String content = Json.text(body, "content");
        if (content == null) {
            return ApiResponse.ok(result("13", "param is invalid: content is required"));
        }
        String controlType = Json.text(body, "controlType");
        String mediaType = Json.text(body, "mediaType");
        if (!WEB.equals(Json.text(body, "channel"))) {
            return ApiResponse.ok(result("13", "param is invalid: channel must be WEB"));
        }
        if (!"CUSTOMER".equals(Json.text(body, "sourceType"))) {
            return ApiResponse.ok(result("13", "param is invalid: sourceType must be CUSTOMER"));
        }
        if (!settings.channelConfigId().equals(Json.text(body, "to"))) {
            return ApiResponse.ok(result("13", "send message failed, none channel config found."));
        }
        if (!CONTROL_TYPES.contains(controlType)) {
            return ApiResponse.ok(result("13", "param is invalid: unknown controlType " + controlType));
        }
        if (!MEDIA_TYPES.contains(mediaType)) {
            return ApiResponse.ok(result("13", "param is invalid: unknown mediaType " + mediaType));
        }
        Customer customer = state.customers().getOrCreate(Json.text(body, "from"));
        synchronized (customer) {
            return switch (controlType) {
                case "CONNECT" -> connect(customer);
                case "CHAT" -> chat(customer, mediaType, content);
                case "TRANS2AGENT" -> transferToAgent(customer);
                case "INPUT" -> input(customer);
                default -> disconnect(customer);
            };
        }
    }

    private ApiResponse connect(Customer customer) {
        if (!state.switches().workingHours()) {
            return ApiResponse.ok(result("12", NOT_WORKING_TIME));
        }
        if (customer.liveSession() == null) {
            Session session = customer.connect(settings.clock().millis() + "-" + callIds.incrementAndGet());
            customer.enqueue(downlinks.robot(customer, session, Downlinks.GREETING, customer.nextInterIdx()));
        }
        return ApiResponse.ok(result("0", "connect to robot success."));
    }

    private ApiResponse chat(Customer customer, String mediaType, String content) {
        Session session = customer.liveSession();
        if (session == null) {
            // ref §7.1.1, CHAT with an agent: "如果resultCode返回13: sendUserMessage failed"
            return ApiResponse.ok(result("13", released(customer) ? "sendUserMessage failed"
                    : "sendUserMessage failed: no session, send CONNECT first"));
        }
        if ("TEXT".equals(mediaType)) {
            if (content.isEmpty()) {
                return ApiResponse.ok(result("13", "sendUserMessage failed: empty text"));
            }
            if (content.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
                return ApiResponse.ok(result("13", "sendUserMessage failed: text longer than 1 KB"));
            }
        } else if (state.files().get(mediaFileId(mediaType, content)) == null) {
            return ApiResponse.ok(result("13", "sendUserMessage failed: no uploaded file for content " + content));
        }
        if (session.mode() == SessionMode.ROBOT) {
            String text = "TEXT".equals(mediaType) ? content : "[" + mediaType + "]";
            customer.enqueue(downlinks.robot(customer, session, robotAnswer(text), customer.nextInterIdx()));
            return ApiResponse.ok(result("0", "Send message to robot successfully"));
        }
        customer.toAgentInbox(content);
        Function<String, String> autoReply = state.switches().agentAutoReply();
        String reply = autoReply == null ? null : autoReply.apply(content);
        if (reply != null) {
            customer.enqueue(downlinks.agent(customer, session, "TEXT", reply));
        }
        return ApiResponse.ok(result("0", "sendUserMessage successfully."));
    }

    /**
     * The file a media message refers to: "objectKey,ext" (ref §7.1.2; "objectKey.ext" also occurs there), and for
     * FILE "fileName,fileSize,fileId,fileType" (vendor docs cec_07_2216).
     */
    private static String mediaFileId(String mediaType, String content) {
        if ("FILE".equals(mediaType)) {
            String[] parts = content.split(",", -1);
            return parts.length == 4 ? parts[2] : null;
        }
        int separator = content.lastIndexOf(',');
        if (separator < 0) {
            separator = content.lastIndexOf('.');
        }
        return separator <= 0 ? null : content.substring(0, separator);
    }

    private String robotAnswer(String text) {
        for (Map.Entry<String, String> phrase : state.switches().robotPhrases().entrySet()) {
            if (text.contains(phrase.getKey())) {
                return phrase.getValue();
            }
        }
        return "You said: " + text;
    }

    private ApiResponse transferToAgent(Customer customer) {
        if (!state.switches().workingHours()) {
            return ApiResponse.ok(result("12", NOT_WORKING_TIME + "."));
        }
        Session session = customer.liveSession();
        if (session == null) {
            // ref §7.1.1, TRANS2AGENT: "转人工失败, 会话已失效。fail to transfer from robot to agent,session keep touch failed."
            return ApiResponse.ok(result("13", "fail to transfer from robot to agent,session keep touch failed."));
        }
        if (session.mode() == SessionMode.AGENT) {
            return ApiResponse.ok(result("13", "fail to transfer from robot to agent,it has been agent service."));
        }
        customer.transferToAgent(settings.clock().instant());
        customer.enqueue(downlinks.system(customer, session, Downlinks.AGENT_CONNECTED));
        return ApiResponse.ok(result("0", "transfer from robot to agent success."));
    }

    private static ApiResponse input(Customer customer) {
        Session session = customer.liveSession();
        if (session == null) {
            // ref §7.1.1, INPUT: "如果resultCode返回13: 发送用户消息失败! sendUserMessage failed"
            return ApiResponse.ok(result("13", "sendUserMessage failed"));
        }
        if (session.mode() == SessionMode.ROBOT) {
            return ApiResponse.ok(result("13", "This is robot service,this message is prevented!"));
        }
        return ApiResponse.ok(result("0", "sendUserMessage successfully."));
    }

    private ApiResponse disconnect(Customer customer) {
        Session session = customer.liveSession();
        if (session == null) {
            return ApiResponse.ok(result("13", "Failed to disconnect robot"));
        }
        boolean robot = session.mode() == SessionMode.ROBOT;
        endSession(customer, session);
        return ApiResponse.ok(result("0", robot ? "Disconnect robot successfully" : "disconnect successfully"));
    }

    private void endSession(Customer customer, Session session) {
        customer.enqueue(downlinks.disconnect(customer, session, "zh".equals(customer.locale()) ? "会话已结束。" : "The session has ended."));
        customer.end();
    }

    // ref §5: poll
    private ApiResponse poll(HttpExchange ex, String tokenUserId, boolean redeliver) {
        String receiverId = ex.queryParam("receiverId");
        Customer customer = state.customers().find(receiverId != null ? receiverId : tokenUserId);
        List<DownlinkMessage> messages = customer == null ? List.of() : customer.drain();
        if (redeliver && !messages.isEmpty()) {
            customer.requeue(messages);
        }
        return ApiResponse.ok(downlinks.pollAnswer(messages), "0");
    }

    // ref §8: uploadFileStream
    private ApiResponse upload(ObjectNode body) {
        String codeField = quirks.returnCodeOnUploadAndSatisfaction() ? "returnCode" : "resultCode";
        String fileType = Json.text(body, "fileType");
        String stream = Json.text(body, "fileStream");
        String channel = Json.text(body, "channel");
        if (Json.blank(fileType) || Json.blank(stream) || Json.blank(channel)) {
            return ApiResponse.ok(coded(codeField, "2", "Param is null"));
        }
        if (!UPLOAD_TYPES.contains(fileType) || !WEB.equals(channel)) {
            return ApiResponse.ok(coded(codeField, "3", "Requested param validate failed"));
        }
        byte[] content;
        try {
            content = Base64.getDecoder().decode(stream.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return ApiResponse.ok(coded(codeField, "13", "decode file failed"));
        }
        String objectKey = UUID.randomUUID().toString();
        state.files().put(objectKey, content, fileType);
        // ref §8.1.2: success carries no resultDesc; the sample puts the code first
        return ApiResponse.ok(Json.object().put(codeField, "0").put("objectKey", objectKey));
    }

    // ref §9: downloadFileStream
    private ApiResponse download(ObjectNode body) {
        if (Json.blank(Json.text(body, "channel"))) {
            return ApiResponse.ok(result("2", "param channelId or userId or tenantId is null"));
        }
        String fileId = Json.text(body, "fileId");
        if (Json.blank(fileId)) {
            return ApiResponse.ok(result("401", "objectKey is null!"));
        }
        if (!DOWNLOAD_TYPES.contains(String.valueOf(Json.text(body, "fileType")))) {
            return ApiResponse.ok(result("13", "param filetype Out of range!"));
        }
        StoredFile file = state.files().get(fileId);
        if (file == null) {
            return ApiResponse.ok(result("13", "downloadFileStream IOException"));
        }
        return ApiResponse.ok(Json.object().put("fileStream", Base64.getEncoder().encodeToString(file.content()))
                .put("resultCode", "0"));
    }

    // ref §6: saveSatisfaction
    private ApiResponse saveSatisfaction(ObjectNode body) {
        String codeField = quirks.returnCodeOnUploadAndSatisfaction() ? "returnCode" : "resultCode";
        String evaluation = Json.text(body, "evaluation");
        String comment = Json.text(body, "comment");
        boolean valid = WEB.equals(Json.text(body, "channel"))
                && !Json.blank(Json.text(body, "userId"))
                && evaluation != null && evaluation.matches("[1-5]")
                && !Json.blank(comment) && comment.codePointCount(0, comment.length()) < 512
                && settings.channelConfigId().equals(Json.text(body, "channelConfigId"));
        if (!valid) {
            return ApiResponse.ok(coded(codeField, "13", "Save satisfaction failed"));
        }
        Customer customer = state.customers().find(Json.text(body, "userId"));
        if (customer == null || customer.lastSession() == null) {
            return ApiResponse.ok(coded(codeField, "13", "The callIdString obtained failed!"));
        }
        return ApiResponse.ok(coded(codeField, "0",
                quirks.exceptionAppearedOnSatisfaction() ? "Exception appeared!" : "Save satisfaction success!"));
    }

    // ref §17: robot feedbacksatisfaction
    private static ApiResponse robotFeedback(ObjectNode body) {
        String feedback = Json.text(body, "feedback");
        String content = Json.text(body, "feedbackContent");
        if (!"0".equals(feedback) && !"1".equals(feedback)
                || Json.blank(Json.text(body, "from")) || Json.blank(Json.text(body, "interIdx"))) {
            return ApiResponse.ok(result("30010009999", "Chat module exception: feedback must be 1 or 0, from and interIdx are required"));
        }
        if ("0".equals(feedback) && Json.blank(content)) {
            return ApiResponse.ok(result("30000000008", "feedbackContent must not be empty when dissatisfied"));
        }
        if (content != null && content.getBytes(StandardCharsets.UTF_8).length > 64) {
            return ApiResponse.ok(result("30010009999", "Chat module exception: feedbackContent longer than 64 bytes"));
        }
        return ApiResponse.ok(result("0", "Send message to robot successfully"));
    }

    // ref §4: queryQueueInfo; codes from the vendor's English docs (cec-api.md §5)
    private ApiResponse queueInfo(ObjectNode body) {
        String userId = Json.text(body, "userId");
        if (Json.blank(userId) || Json.blank(Json.text(body, "channel"))
                || !settings.channelConfigId().equals(Json.text(body, "channelConfigId"))) {
            return ApiResponse.ok(result("1", "bad parameters"));
        }
        Customer customer = state.customers().find(userId);
        Session session = customer == null ? null : customer.lastSession();
        if (session == null) {
            return ApiResponse.ok(result("160001", "session does not exist"));
        }
        synchronized (customer) {
            if (session.released()) {
                return ApiResponse.ok(result("160004", "session does not exist or has ended"));
            }
            if (session.mode() == SessionMode.ENDED) {
                return ApiResponse.ok(result("5", "session ended"));
            }
            if (session.mode() == SessionMode.ROBOT) {
                return ApiResponse.ok(result("4", "not queued: the robot is serving this session"));
            }
            long waited = Math.max(0, Duration.between(session.queuedSince(), settings.clock().instant()).toSeconds());
            // ref §4.2 sample field order and values; the wait times grow with the simulator's clock
            return ApiResponse.ok(Json.object()
                    .put("totalWaitTime", waited)
                    .put("resultCode", "0")
                    .put("longestWaitTime", waited)
                    .put("position", 1)
                    .put("currentDeviceWaitTime", waited)
                    .put("configMaxcWaitTime", 60)
                    .put("estimateWaitTime", 60));
        }
    }

    // ref §10: queryPhraseByKeyword
    private ApiResponse phrases(ObjectNode body) {
        String keyword = Json.text(body, "strContent");
        String locale = Json.text(body, "locale");
        if (Json.blank(keyword) || Json.blank(locale) || Json.blank(Json.text(body, "channel"))) {
            return ApiResponse.ok(result("1", "request is no exist"));
        }
        if (!"zh".equals(locale) && !"en".equals(locale)) {
            return ApiResponse.ok(result("1", "locale is error"));
        }
        String needle = keyword.toLowerCase(Locale.ROOT);
        ObjectNode answer = Json.object();
        ArrayNode matches = answer.putArray(quirks.questionForPhrases() ? "question" : "phrases");
        state.switches().phraseSuggestions().stream()
                .filter(p -> p.toLowerCase(Locale.ROOT).contains(needle))
                .forEach(matches::add);
        return ApiResponse.ok(answer.put("resultCode", "0"));
    }

    // ref §15: doLeaveMessage
    private static ApiResponse leaveMessage(ObjectNode body) {
        String callId = Json.text(body, "callId");
        String caller = Json.text(body, "caller");
        String message = Json.text(body, "leaveMessage");
        String channel = Json.text(body, "channel");
        if (Json.blank(callId) || Json.blank(caller) || Json.blank(message) || Json.blank(channel)) {
            return ApiResponse.ok(result("2", "param is empty"));
        }
        if (callId.length() > 24 || !PHONE.matcher(caller).matches() || !WEB.equals(channel)) {
            return ApiResponse.ok(result("3", "param error"));
        }
        return ApiResponse.ok(result("0", "Save leaveMessage success!"));
    }

    // ref §16: mobileagent/createcall
    private ApiResponse createCall(ObjectNode body) {
        String called = Json.text(body, "called");
        String callerPresent = Json.text(body, "callerPresent");
        String callData = Json.text(body, "callData");
        ApiResponse answer;
        if (Json.blank(called) || called.length() > 32 || Json.blank(callerPresent) || callerPresent.length() > 32
                || callData != null && callData.length() > 1024) {
            answer = ApiResponse.ok(result("3001000003", "input parameter validation failed"));
        } else {
            long serial = callSerials.incrementAndGet();
            ObjectNode answerBody = result("0", "Success");
            answerBody.putObject("resultData")
                    .put("callSerialNo", settings.clock().millis() + String.format("%06d", serial))
                    .put("sipServiceAddress", SIP_SERVICE_ADDRESS)
                    .put("accesscode", ACCESS_CODE_PREFIX + String.format("%07d", serial));
            answer = ApiResponse.ok(answerBody);
        }
        return quirks.gzipCreateCall() ? answer.gzipped() : answer;
    }

    // ref §11: createClickToCall
    private ApiResponse createClickToCall(ObjectNode body, String userId) {
        String mediaAbility = Json.text(body, "mediaAbility");
        if (!WEB.equals(Json.text(body, "channel")) || !"0".equals(mediaAbility) && !"1".equals(mediaAbility)) {
            return ApiResponse.ok(result("13", "request exception: channel must be WEB, mediaAbility 0 or 1"));
        }
        if (!state.switches().clickToCallSupported()) {
            return ApiResponse.ok(result("7", "the channel does not support click-to-call"));
        }
        if (!state.switches().workingHours()) {
            return ApiResponse.ok(result("12", NOT_WORKING_TIME));
        }
        state.clickToCalls().create(owner(userId), mediaAbility);
        return ApiResponse.ok(result("0", "null"));
    }

    // ref §12: getClickToCallEvents
    private ApiResponse clickToCallEvents(HttpExchange ex, String userId) {
        if (Json.blank(ex.queryParam("channel"))) {
            return ApiResponse.ok(result("13", "request exception: channel is required"));
        }
        ClickToCalls.Call call = state.clickToCalls().find(owner(userId));
        if (call == null) {
            return ApiResponse.ok(result("13", "no click-to-call event: create a call first"));
        }
        ObjectNode answer = result("0", "Call connected");
        if (quirks.numericEventId()) {
            answer.put("eventId", call.eventId());
        } else {
            answer.put("eventId", Long.toString(call.eventId()));
        }
        ObjectNode content = answer.putObject("content");
        content.put("domain", "webrtc.cec.example");
        content.putArray("gwAddresses").add("192.0.2.10:8443").add("192.0.2.11:8443");
        content.put("accessCode", "179080000537636");
        content.put("clickToCallCaller", "AnonymousCard");
        return ApiResponse.ok(answer);
    }

    // ref §13: checkClickToCallSupport
    private ApiResponse clickToCallSupport() {
        boolean supported = state.switches().clickToCallSupported();
        return ApiResponse.ok(result("0", "")
                .put(quirks.webRtcSupportedCapitalS() ? "webRTCSupported" : "webRTCsupported", supported)
                .put("clickToCallSupported", supported));
    }

    // ref §14: dropClickToCall
    private ApiResponse dropClickToCall(ObjectNode body, String userId) {
        if (Json.blank(Json.text(body, "channel"))) {
            return ApiResponse.ok(result("13", "request exception: channel is required"));
        }
        if (!state.clickToCalls().drop(owner(userId))) {
            return ApiResponse.ok(result("13", "drop click-to-call failed: no active call"));
        }
        return ApiResponse.ok(result("0", ""));
    }

    private static String owner(String userId) {
        return userId == null ? "" : userId;
    }

    // the agent desk

    /** Queues an AGENT TEXT message for the user's live session. */
    public void sendAgentMessage(String userId, String text) {
        enqueueOrFail(userId, (customer, session) -> downlinks.agent(customer, session, "TEXT", text));
    }

    /** Stores the file and queues an AGENT media message whose content is the file id; returns the id. */
    public String sendAgentMedia(String userId, String mediaType, byte[] content, String fileType) {
        if (!AGENT_MEDIA_TYPES.contains(mediaType)) {
            throw new IllegalArgumentException("mediaType must be IMAGE, AUDIO or VIDEO, was " + mediaType);
        }
        String fileId = UUID.randomUUID().toString();
        enqueueOrFail(userId, (customer, session) -> {
            state.files().put(fileId, content.clone(), fileType);
            return downlinks.agent(customer, session, mediaType, fileId);
        });
        return fileId;
    }

    public void sendSystemMessage(String userId, String text) {
        enqueueOrFail(userId, (customer, session) -> downlinks.system(customer, session, text));
    }

    /** The agent ends the session: a DISCONNECT message is queued and the session ends. */
    public void agentDisconnect(String userId) {
        Customer customer = liveCustomer(userId);
        synchronized (customer) {
            Session session = customer.liveSession();
            if (session == null) {
                throw noSession(userId);
            }
            endSession(customer, session);
        }
    }

    /** CEC released the session (e.g. it was not polled in time, ref cec-api.md §5): no DISCONNECT downlink. */
    public void endSession(String userId) {
        if (!liveCustomer(userId).release()) {
            throw noSession(userId);
        }
    }

    private static boolean released(Customer customer) {
        Session last = customer.lastSession();
        return last != null && last.released();
    }

    private void enqueueOrFail(String userId, java.util.function.BiFunction<Customer, Session, DownlinkMessage> build) {
        Customer customer = liveCustomer(userId);
        if (customer.enqueueForLiveSession(session -> build.apply(customer, session)) == null) {
            throw noSession(userId);
        }
    }

    private Customer liveCustomer(String userId) {
        Customer customer = state.customers().find(userId);
        if (customer == null) {
            throw noSession(userId);
        }
        return customer;
    }

    private static IllegalStateException noSession(String userId) {
        return new IllegalStateException("user " + userId + " has no live session (send CONNECT first)");
    }

    private static ObjectNode result(String code, String desc) {
        return Json.object().put("resultCode", code).put("resultDesc", desc);
    }

    private static ObjectNode coded(String codeField, String code, String desc) {
        return Json.object().put(codeField, code).put("resultDesc", desc);
    }
}
