package io.github.camelcec.component.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.camelcec.component.model.ApplyTokenRequest;
import io.github.camelcec.component.model.ChannelQuery;
import io.github.camelcec.component.model.ClickToCallRequest;
import io.github.camelcec.component.model.ControlType;
import io.github.camelcec.component.model.CreateCallRequest;
import io.github.camelcec.component.model.DownloadFileRequest;
import io.github.camelcec.component.model.DropClickToCallRequest;
import io.github.camelcec.component.model.FileType;
import io.github.camelcec.component.model.LeaveMessageRequest;
import io.github.camelcec.component.model.MediaType;
import io.github.camelcec.component.model.PhraseQueryRequest;
import io.github.camelcec.component.model.PollRequest;
import io.github.camelcec.component.model.QueueInfoRequest;
import io.github.camelcec.component.model.RobotFeedbackRequest;
import io.github.camelcec.component.model.SatisfactionRequest;
import io.github.camelcec.component.model.SendMessageRequest;
import io.github.camelcec.component.model.UploadFileRequest;

/**
 * Every limit of the reference, checked before a request leaves: a broken rule is a {@link CecValidationException}
 * naming the field, the rule and the value. Requests reach here with their defaults already filled.
 */
public final class RequestValidator {

    /** cec-api §5 (applyToken): userId is 1 to 32 characters. */
    static final int MAX_USER_ID = 32;
    /** cec-api §5 (send): TEXT content is at most 1 KB. */
    static final int MAX_TEXT_BYTES = 1024;
    /** ref §6.1.2: comment shorter than 512 characters. */
    static final int MAX_COMMENT = 511;
    /** ref §17: feedbackContent at most 64 bytes. */
    static final int MAX_FEEDBACK_BYTES = 64;
    /** ref §16: called and callerPresent at most 32, callData at most 1024. */
    static final int MAX_CALL_NUMBER = 32;
    static final int MAX_CALL_DATA = 1024;
    /** cec-api §5 (doLeaveMessage): callId 1 to 24 characters. */
    static final int MAX_CALL_ID = 24;

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern EVALUATION = Pattern.compile("[1-5]");
    /** ref §7.1.2: media content is {@code objectKey,ext}; one example writes {@code objectKey.jpg} (cec-api §4.8). */
    private static final Pattern MEDIA_CONTENT = Pattern.compile("[^,\\s]+[,.][A-Za-z0-9]+");
    /** cec-api §5: FILE content is {@code fileName,fileSize,fileId,fileType}. */
    private static final Pattern FILE_CONTENT = Pattern.compile("[^,]+,[0-9]+,[^,\\s]+,[A-Za-z0-9]+");
    private static final Set<String> MEDIA_ABILITY = Set.of("0", "1");

    private RequestValidator() {
    }

    public static void userId(String operation, String field, String userId) {
        required(operation, field, userId);
        if (userId.length() > MAX_USER_ID) {
            throw new CecValidationException(operation, field, "must be 1 to " + MAX_USER_ID + " characters", userId);
        }
    }

    public static void applyToken(ApplyTokenRequest r) {
        userId("applyToken", "userId", r.getUserId());
        required("applyToken", "userName", r.getUserName());
        required("applyToken", "channelId", r.getChannelId());
        locale("applyToken", r.getLocale());
    }

    public static void send(SendMessageRequest r) {
        sendEnvelope(r);
        sendContent(r);
    }

    /**
     * Everything of a send but its content: a media message is checked whole before its file is uploaded, and its
     * content ({@code objectKey,ext}) is checked once the upload named the object.
     */
    public static void sendEnvelope(SendMessageRequest r) {
        String op = "send";
        required(op, "channel", r.getChannel());
        userId(op, "from", r.getFrom());
        required(op, "to", r.getTo());
        if (r.getControlType() == null) {
            throw new CecValidationException(op, "controlType", "is required (CONNECT, CHAT, TRANS2AGENT, INPUT, DISCONNECT)",
                    null);
        }
        if (r.getMediaType() == null) {
            throw new CecValidationException(op, "mediaType", "is required (TEXT, IMAGE, AUDIO, VIDEO, FILE, FILE_IMAGE, FILE_VIDEO)",
                    null);
        }
        if (!SendMessageRequest.SOURCE_CUSTOMER.equals(r.getSourceType())) {
            throw new CecValidationException(op, "sourceType", "must be CUSTOMER", r.getSourceType());
        }
    }

    private static void sendContent(SendMessageRequest r) {
        String op = "send";
        if (r.getContent() == null) {
            throw new CecValidationException(op, "content", "is required (empty for control messages)", null);
        }
        if (r.getControlType() == ControlType.CHAT) {
            if (r.getMediaType() == MediaType.FILE) {
                if (!FILE_CONTENT.matcher(r.getContent()).matches()) {
                    throw new CecValidationException(op, "content",
                            "must be 'fileName,fileSize,fileId,fileType' for a FILE message", r.getContent());
                }
            } else if (r.getMediaType().isMedia()) {
                if (!MEDIA_CONTENT.matcher(r.getContent()).matches()) {
                    throw new CecValidationException(op, "content",
                            "must be 'objectKey,ext' for a " + r.getMediaType() + " message", r.getContent());
                }
            } else {
                if (r.getContent().isEmpty()) {
                    throw new CecValidationException(op, "content", "must not be empty for a TEXT CHAT message", "");
                }
                maxBytes(op, "content", r.getContent(), MAX_TEXT_BYTES);
            }
        }
    }

    public static void poll(PollRequest r) {
        userId("poll", "receiverId", r.getReceiverId());
        required("poll", "channel", r.getChannel());
    }

    /** ref §12, §13: the click-to-call GET operations take only the channel. */
    public static void channel(ChannelQuery r) {
        required("clickToCall", "channel", r.getChannel());
    }

    public static void dropClickToCall(DropClickToCallRequest r) {
        required("dropClickToCall", "channel", r.getChannel());
    }

    public static void upload(UploadFileRequest r) {
        String op = "upload";
        fileType(op, r.getFileType(), FileType.UPLOAD);
        required(op, "fileStream", r.getFileStream());
        try {
            Base64.getMimeDecoder().decode(r.getFileStream());
        } catch (IllegalArgumentException e) {
            throw new CecValidationException(op, "fileStream", "must be base64", r.getFileStream());
        }
        required(op, "channel", r.getChannel());
    }

    public static void download(DownloadFileRequest r) {
        String op = "download";
        required(op, "fileId", r.getFileId());
        fileType(op, r.getFileType(), FileType.DOWNLOAD);
        required(op, "channel", r.getChannel());
    }

    public static void satisfaction(SatisfactionRequest r) {
        String op = "satisfaction";
        required(op, "channel", r.getChannel());
        userId(op, "userId", r.getUserId());
        if (r.getEvaluation() == null || !EVALUATION.matcher(r.getEvaluation()).matches()) {
            throw new CecValidationException(op, "evaluation", "must be an integer from 1 to 5", r.getEvaluation());
        }
        required(op, "comment", r.getComment());
        if (r.getComment().length() > MAX_COMMENT) {
            throw new CecValidationException(op, "comment", "must be shorter than 512 characters", r.getComment());
        }
        required(op, "channelConfigId", r.getChannelConfigId());
    }

    public static void robotFeedback(RobotFeedbackRequest r) {
        String op = "robotFeedback";
        if (r.getFeedback() == null || (r.getFeedback() != 0 && r.getFeedback() != 1)) {
            throw new CecValidationException(op, "feedback", "must be 1 (satisfied) or 0 (not satisfied)", r.getFeedback());
        }
        if (r.getFeedback() == 0 && (r.getFeedbackContent() == null || r.getFeedbackContent().isBlank())) {
            throw new CecValidationException(op, "feedbackContent", "is required when feedback is 0",
                    r.getFeedbackContent());
        }
        if (r.getFeedbackContent() != null) {
            maxBytes(op, "feedbackContent", r.getFeedbackContent(), MAX_FEEDBACK_BYTES);
        }
        userId(op, "from", r.getFrom());
        required(op, "interIdx", r.getInterIdx());
    }

    public static void queueInfo(QueueInfoRequest r) {
        String op = "queueInfo";
        userId(op, "userId", r.getUserId());
        required(op, "channelConfigId", r.getChannelConfigId());
        required(op, "channel", r.getChannel());
    }

    public static void phrases(PhraseQueryRequest r) {
        String op = "phrases";
        required(op, "strContent", r.getStrContent());
        locale(op, r.getLocale());
        required(op, "channel", r.getChannel());
    }

    public static void leaveMessage(LeaveMessageRequest r) {
        String op = "leaveMessage";
        required(op, "callId", r.getCallId());
        if (r.getCallId().length() > MAX_CALL_ID) {
            throw new CecValidationException(op, "callId", "must be 1 to " + MAX_CALL_ID + " characters", r.getCallId());
        }
        required(op, "caller", r.getCaller());
        required(op, "leaveMessage", r.getLeaveMessage());
        required(op, "channel", r.getChannel());
    }

    public static void createCall(CreateCallRequest r) {
        String op = "createCall";
        required(op, "called", r.getCalled());
        maxChars(op, "called", r.getCalled(), MAX_CALL_NUMBER);
        required(op, "callerPresent", r.getCallerPresent());
        maxChars(op, "callerPresent", r.getCallerPresent(), MAX_CALL_NUMBER);
        if (r.getCallData() != null) {
            maxChars(op, "callData", r.getCallData(), MAX_CALL_DATA);
        }
    }

    public static void clickToCall(ClickToCallRequest r) {
        required("clickToCall", "channel", r.getChannel());
        if (!MEDIA_ABILITY.contains(r.getMediaAbility())) {
            throw new CecValidationException("clickToCall", "mediaAbility", "must be \"0\" (audio) or \"1\" (video)",
                    r.getMediaAbility());
        }
    }

    private static void required(String operation, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new CecValidationException(operation, field, "is required", value);
        }
    }

    private static void locale(String operation, String locale) {
        if (locale == null || !LOCALE.matcher(locale).matches()) {
            throw new CecValidationException(operation, "locale",
                    "must be an ISO 639 language code without country, e.g. 'en' or 'zh'", locale);
        }
    }

    private static void fileType(String operation, String fileType, Set<String> allowed) {
        if (fileType == null || !allowed.contains(FileType.normalize(fileType))) {
            throw new CecValidationException(operation, "fileType", "must be one of " + sorted(allowed), fileType);
        }
    }

    private static void maxChars(String operation, String field, String value, int max) {
        if (value.length() > max) {
            throw new CecValidationException(operation, field, "must be at most " + max + " characters", value);
        }
    }

    private static void maxBytes(String operation, String field, String value, int max) {
        if (value.getBytes(StandardCharsets.UTF_8).length > max) {
            throw new CecValidationException(operation, field, "must be at most " + max + " bytes in UTF-8", value);
        }
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().toList().toString();
    }
}
