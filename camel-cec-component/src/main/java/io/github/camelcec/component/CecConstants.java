package io.github.camelcec.component;

import org.apache.camel.spi.Metadata;

/** The headers of the {@code cec:} component. All values are strings. */
public final class CecConstants {

    @Metadata(label = "producer", description = "Overrides the endpoint's operation for this exchange, e.g. `send` or `poll`.",
              javaType = "String")
    public static final String OPERATION = "CamelCecOperation";

    @Metadata(description = "The customer's userId (1 to 32 characters). In: who a producer acts for (overrides the "
                            + "userId option). Consumer: the customer the message is for.",
              javaType = "String")
    public static final String USER_ID = "CamelCecUserId";

    @Metadata(label = "producer", description = "The customer's display name, sent with applyToken (defaults to the userId).",
              javaType = "String")
    public static final String USER_NAME = "CamelCecUserName";

    @Metadata(description = "The message control type: CONNECT, CHAT, TRANS2AGENT, INPUT or DISCONNECT. In: for cec:send "
                            + "(overrides the controlType option). Consumer: the downlink message's control type.",
              javaType = "String")
    public static final String CONTROL_TYPE = "CamelCecControlType";

    @Metadata(description = "The message media type. In: for cec:send, TEXT, IMAGE, AUDIO, VIDEO, FILE, FILE_IMAGE or "
                            + "FILE_VIDEO (overrides the mediaType option). Consumer: TEXT, IMAGE, AUDIO, VIDEO or LOCATE.",
              javaType = "String")
    public static final String MEDIA_TYPE = "CamelCecMediaType";

    @Metadata(label = "producer", description = "The file type of an uploaded, sent or downloaded file: jpg, png, bmp, mp3, "
                                                + "aac, mp4, txt, csv (download also richtext, doc, docx, pdf, zip).",
              javaType = "String")
    public static final String FILE_TYPE = "CamelCecFileType";

    @Metadata(label = "producer", description = "The media id to download (the content of an IMAGE, AUDIO or VIDEO downlink message).",
              javaType = "String")
    public static final String FILE_ID = "CamelCecFileId";

    @Metadata(label = "producer", description = "When true on an operation made for a customer, the customer is added "
                                                + "to the component's session registry once the call succeeded, so "
                                                + "cec:poll polls a session that was started elsewhere (e.g. by a web "
                                                + "widget).",
              javaType = "Boolean")
    public static final String REGISTER_SESSION = "CamelCecRegisterSession";

    @Metadata(label = "producer", description = "The CEC result code of the operation (\"0\" is success).", javaType = "String")
    public static final String RESULT_CODE = "CamelCecResultCode";

    @Metadata(label = "producer", description = "The CEC result description of the operation.", javaType = "String")
    public static final String RESULT_DESC = "CamelCecResultDesc";

    @Metadata(label = "producer", description = "The objectKey of an uploaded file (cec:upload, and cec:send with a binary body).",
              javaType = "String")
    public static final String OBJECT_KEY = "CamelCecObjectKey";

    @Metadata(label = "consumer", description = "Who sent the downlink message: AGENT, ROBOT or SYSTEM.", javaType = "String")
    public static final String SOURCE_TYPE = "CamelCecSourceType";

    @Metadata(label = "consumer", description = "The downlink message's unique code, used to drop duplicates.",
              javaType = "String")
    public static final String MESSAGE_CODE = "CamelCecMessageCode";

    @Metadata(label = "consumer", description = "The conversation's call id, when CEC sent one.", javaType = "String")
    public static final String CALL_ID = "CamelCecCallId";

    @Metadata(label = "consumer", description = "When the downlink message was sent, epoch milliseconds.", javaType = "String")
    public static final String TIMESTAMP = "CamelCecTimestamp";

    @Metadata(label = "consumer", description = "The downloaded bytes of an IMAGE, AUDIO or VIDEO message (with "
                                                + "downloadMedia=true).", javaType = "byte[]")
    public static final String MEDIA_CONTENT = "CamelCecMediaContent";

    @Metadata(label = "consumer", description = "Set when the downlink message could not be typed: why (which field, "
                                                + "what was wrong). The body is then the message's raw JSON String; "
                                                + "CamelCecMessageCode and CamelCecUserId are still set.",
              javaType = "String")
    public static final String MALFORMED = "CamelCecMalformed";

    private CecConstants() {
    }
}
