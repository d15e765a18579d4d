package io.github.camelcec.component;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.camelcec.component.CecConstants.USER_ID;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * product.md §2 "bad input never reaches CEC", through routes: every rule of cec-api.md fails the exchange with a
 * CecValidationException naming field, rule and value, and the simulator sees nothing — no token request either.
 */
class ProducerValidationTest extends CecRouteTestSupport {

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("cec:satisfaction", map("evaluation", "6", "comment", "fine"), "satisfaction", "evaluation",
                        "from 1 to 5", "6"),
                rule("cec:satisfaction", map("evaluation", "0", "comment", "fine"), "satisfaction", "evaluation",
                        "from 1 to 5", "0"),
                rule("cec:satisfaction", map("evaluation", "five", "comment", "fine"), "satisfaction", "evaluation",
                        "from 1 to 5", "five"),
                rule("cec:satisfaction", map("evaluation", "5"), "satisfaction", "comment", "is required", null),
                rule("cec:satisfaction", map("evaluation", "5", "comment", "c".repeat(512)), "satisfaction", "comment",
                        "shorter than 512", "cccc"),
                rule("cec:robotFeedback", map("feedback", 0, "interIdx", "1"), "robotFeedback", "feedbackContent",
                        "required when feedback is 0", null),
                rule("cec:robotFeedback", map("feedback", 0, "feedbackContent", "é".repeat(33), "interIdx", "1"),
                        "robotFeedback", "feedbackContent", "at most 64 bytes", "ééé"),
                rule("cec:robotFeedback", map("feedback", 1, "feedbackContent", "x".repeat(65), "interIdx", "1"),
                        "robotFeedback", "feedbackContent", "at most 64 bytes", "xxx"),
                rule("cec:robotFeedback", map("feedback", 2, "interIdx", "1"), "robotFeedback", "feedback",
                        "1 (satisfied) or 0", "2"),
                rule("cec:robotFeedback", map("feedback", 1), "robotFeedback", "interIdx", "is required", null),
                rule("cec:upload?fileType=exe", new byte[] { 1 }, "upload", "fileType", "must be one of", "exe"),
                rule("cec:upload", map("fileType", "jpg", "fileStream", "not base64!"), "upload", "fileStream",
                        "must be base64", "not base64!"),
                rule("cec:download?fileType=exe", "file-1", "download", "fileType", "must be one of", "exe"),
                rule("cec:createCall", map("called", "1".repeat(33), "callerPresent", "95500"), "createCall", "called",
                        "at most 32", "1111"),
                rule("cec:createCall", map("called", "123", "callerPresent", "2".repeat(33)), "createCall",
                        "callerPresent", "at most 32", "2222"),
                rule("cec:createCall", map("called", "123", "callerPresent", "456", "callData", "d".repeat(1025)),
                        "createCall", "callData", "at most 1024", "dddd"),
                rule("cec:createCall", map("callerPresent", "456"), "createCall", "called", "is required", null),
                rule("cec:clickToCall", map("mediaAbility", "2"), "clickToCall", "mediaAbility", "\"0\" (audio)", "2"),
                rule("cec:leaveMessage", map("callId", "c".repeat(25), "caller", "1", "leaveMessage", "x"),
                        "leaveMessage", "callId", "1 to 24", "ccc"),
                rule("cec:leaveMessage", map("callId", "c-1", "leaveMessage", "x"), "leaveMessage", "caller",
                        "is required", null),
                rule("cec:phrases", "", "phrases", "strContent", "is required", ""),
                rule("cec:phrases?locale=en_US", "pay", "phrases", "locale", "ISO 639", "en_US"),
                rule("cec:applyToken?locale=english", null, "applyToken", "locale", "ISO 639", "english"),
                rule("cec:applyToken", null, "applyToken", "userId", "is required", null, false),
                rule("cec:poll", null, "poll", "userId", "is required", null, false),
                rule("cec:queueInfo", null, "queueInfo", "userId", "is required", null, false),
                rule("cec:satisfaction", map("evaluation", "5", "comment", "x"), "satisfaction", "userId",
                        "is required", null, false),
                rule("cec:clickToCall", map("mediaAbility", "0"), "clickToCall", "userId", "is required", null, false),
                rule("cec:poll", null, "poll", "receiverId", "1 to 32", "rrrr", "r".repeat(33)),
                rule("cec:queueInfo", "not a request", "queueInfo", "body", "QueueInfoRequest or a Map",
                        "java.lang.String"),
                rule("cec:satisfaction", map("evaluation", "5", "comment", "x", "channelConfigId", " "),
                        "satisfaction", "channelConfigId", "is required", " "));
    }

    private static Arguments rule(String uri, Object body, String operation, String field, String rule, String value) {
        return rule(uri, body, operation, field, rule, value, "validating-user");
    }

    private static Arguments rule(String uri, Object body, String operation, String field, String rule, String value,
                                  boolean withUser) {
        return rule(uri, body, operation, field, rule, value, withUser ? "validating-user" : null);
    }

    private static Arguments rule(String uri, Object body, String operation, String field, String rule, String value,
                                  String userId) {
        return arguments(uri + " " + field + " " + rule, uri, body, operation, field, rule, value, userId);
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rejectedBeforeAnyRequest(String name, String uri, Object body, String operation, String field, String rule,
                                  String value, String userId) {
        Map<String, Object> headers = userId == null ? Map.of() : Map.of(USER_ID, userId);
        assertRejected(call(uri, body, headers), operation, field, rule, value);
    }
}
