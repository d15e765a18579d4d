package io.github.camelcec.component.connection;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.camelcec.component.client.CecApi;
import io.github.camelcec.component.client.CecSettings;
import io.github.camelcec.component.client.CecValidationException;
import io.github.camelcec.component.model.ClickToCallRequest;
import io.github.camelcec.component.model.ControlType;
import io.github.camelcec.component.model.CreateCallRequest;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.model.DownloadFileRequest;
import io.github.camelcec.component.model.LeaveMessageRequest;
import io.github.camelcec.component.model.MediaType;
import io.github.camelcec.component.model.PhraseQueryRequest;
import io.github.camelcec.component.model.RobotFeedbackRequest;
import io.github.camelcec.component.model.SatisfactionRequest;
import io.github.camelcec.component.model.SendMessageRequest;
import io.github.camelcec.component.model.UploadFileRequest;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** product.md §2: bad input never reaches CEC. Each rule fails before any request, naming field, rule and value. */
class ValidationTest {

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    private static CecConnection client;
    private static final Customer ALICE = Customer.of("alice");

    @BeforeAll
    static void start() {
        client = ClientTestSupport.clientFor(SIM.simulator());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("satisfaction evaluation above 5", "evaluation", "from 1 to 5", "6",
                        c -> c.callAsync(CecApi.SAVE_SATISFACTION, ALICE, satisfaction("6", "fine"))),
                rule("satisfaction evaluation 0", "evaluation", "from 1 to 5", "0",
                        c -> c.callAsync(CecApi.SAVE_SATISFACTION, ALICE, satisfaction("0", "fine"))),
                rule("satisfaction comment missing", "comment", "required", "null",
                        c -> c.callAsync(CecApi.SAVE_SATISFACTION, ALICE, satisfaction("5", null))),
                rule("satisfaction comment of 512", "comment", "shorter than 512", "xxxx",
                        c -> c.callAsync(CecApi.SAVE_SATISFACTION, ALICE, satisfaction("5", "x".repeat(512)))),
                rule("robot feedback 0 without content", "feedbackContent", "required when feedback is 0", "null",
                        c -> c.callAsync(CecApi.ROBOT_FEEDBACK, ALICE, feedback(0, null))),
                rule("robot feedback content of 65 bytes", "feedbackContent", "at most 64 bytes", "ééé",
                        c -> c.callAsync(CecApi.ROBOT_FEEDBACK, ALICE, feedback(0, "é".repeat(33)))),
                rule("robot feedback 2", "feedback", "1 (satisfied) or 0", "2",
                        c -> c.callAsync(CecApi.ROBOT_FEEDBACK, ALICE, feedback(2, "x"))),
                rule("upload file type", "fileType", "must be one of", "exe",
                        c -> c.callAsync(CecApi.UPLOAD_FILE, ALICE, UploadFileRequest.of(new byte[] { 1 }, "exe"))),
                rule("download file type", "fileType", "must be one of", "exe",
                        c -> c.callAsync(CecApi.DOWNLOAD_FILE, ALICE, download("id-1", "exe"))),
                rule("download without fileId", "fileId", "required", "null",
                        c -> c.callAsync(CecApi.DOWNLOAD_FILE, ALICE, download(null, "jpg"))),
                rule("createCall called of 33", "called", "at most 32", "1111",
                        c -> c.callAsync(CecApi.CREATE_CALL, null, call("1".repeat(33), "123", null))),
                rule("createCall callerPresent of 33", "callerPresent", "at most 32", "2222",
                        c -> c.callAsync(CecApi.CREATE_CALL, null, call("123", "2".repeat(33), null))),
                rule("createCall callData of 1025", "callData", "at most 1024", "dddd",
                        c -> c.callAsync(CecApi.CREATE_CALL, null, call("123", "456", "d".repeat(1025)))),
                rule("userId empty", "from", "required", "''",
                        c -> c.callAsync(CecApi.SEND, Customer.of(""), SendMessageRequest.text("hi"))),
                rule("userId of 33", "from", "1 to 32", "uuuu",
                        c -> c.callAsync(CecApi.SEND, Customer.of("u".repeat(33)), SendMessageRequest.text("hi"))),
                rule("poll receiverId of 33", "receiverId", "1 to 32", "uuuu",
                        c -> c.callAsync(CecApi.POLL, Customer.of("u".repeat(33)), null)),
                rule("TEXT over 1 KB", "content", "at most 1024 bytes", "tttt",
                        c -> c.callAsync(CecApi.SEND, ALICE, SendMessageRequest.text("t".repeat(1025)))),
                rule("empty TEXT CHAT", "content", "must not be empty", "''",
                        c -> c.callAsync(CecApi.SEND, ALICE, SendMessageRequest.text(""))),
                rule("media content without objectKey,ext", "content", "objectKey,ext", "just-a-key",
                        c -> c.callAsync(CecApi.SEND, ALICE, media(MediaType.IMAGE, "just-a-key"))),
                rule("FILE content shape", "content", "fileName,fileSize,fileId,fileType", "key,txt",
                        c -> c.callAsync(CecApi.SEND, ALICE, media(MediaType.FILE, "key,txt"))),
                rule("sourceType not CUSTOMER", "sourceType", "must be CUSTOMER", "AGENT",
                        c -> c.callAsync(CecApi.SEND, ALICE, agentSourced())),
                rule("phrases locale with country", "locale", "ISO 639", "zh_CN",
                        c -> c.callAsync(CecApi.QUERY_PHRASES, ALICE, phrases("版本", "zh_CN"))),
                rule("phrases without keyword", "strContent", "required", "null",
                        c -> c.callAsync(CecApi.QUERY_PHRASES, ALICE, phrases(null, "en"))),
                rule("leaveMessage callId of 25", "callId", "1 to 24", "cccc",
                        c -> c.callAsync(CecApi.LEAVE_MESSAGE, ALICE, leave("c".repeat(25), "13800000000", "call me"))),
                rule("leaveMessage without caller", "caller", "required", "null",
                        c -> c.callAsync(CecApi.LEAVE_MESSAGE, ALICE, leave("call-1", null, "call me"))),
                rule("leaveMessage without text", "leaveMessage", "required", "null",
                        c -> c.callAsync(CecApi.LEAVE_MESSAGE, ALICE, leave("call-1", "13800000000", null))),
                rule("clickToCall mediaAbility 2", "mediaAbility", "\"0\" (audio) or \"1\" (video)", "2",
                        c -> c.callAsync(CecApi.CREATE_CLICK_TO_CALL, ALICE, clickToCall("2"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleFailsBeforeAnyRequest(String name, String field, String rule, String valueFragment,
                                   Function<CecConnection, CompletableFuture<?>> call) {
        SIM.simulator().journal().clear();
        assertThatThrownBy(() -> call.apply(client).join())
                .hasCauseInstanceOf(CecValidationException.class)
                .cause()
                .hasMessageContaining("'" + field + "'")
                .hasMessageContaining(rule)
                .hasMessageContaining(valueFragment)
                .satisfies(e -> assertThat(((CecValidationException) e).getField()).isEqualTo(field));
        assertThat(SIM.simulator().journal().total()).as("requests sent").isZero();
    }

    @Test
    void blockingFormThrowsTheValidationExceptionItself() {
        assertThatThrownBy(() -> client.call(CecApi.SAVE_SATISFACTION, ALICE, satisfaction("9", "x")))
                .isInstanceOf(CecValidationException.class)
                .hasMessage("Invalid satisfaction request: field 'evaluation' must be an integer from 1 to 5, but was '9'");
    }

    @Test
    void plainHttpIsRefusedForRemoteHostsUnlessAllowed() {
        CecSettings.Builder remote = CecSettings.builder().baseUrl("http://cec.example.com")
                .appKey("k").appSecret("s").channelConfigId("c");
        assertThatThrownBy(remote::build).isInstanceOf(CecValidationException.class)
                .hasMessageContaining("baseUrl").hasMessageContaining("https");
        assertThat(remote.allowInsecureHttp(true).build().baseUrl().getHost()).isEqualTo("cec.example.com");
        assertThat(CecSettings.builder().baseUrl("http://127.0.0.1:8080").appKey("k").appSecret("s")
                .channelConfigId("c").build().baseUrl().getPort()).isEqualTo(8080);
        assertThat(CecSettings.builder().baseUrl("http://[::1]:8080").appKey("k").appSecret("s")
                .channelConfigId("c").build().baseUrl().getPort()).isEqualTo(8080);
        // a name that merely looks local is not resolved, so it is not loopback
        assertThatThrownBy(() -> CecSettings.builder().baseUrl("http://localhost.example.com")
                .appKey("k").appSecret("s").channelConfigId("c").build()).isInstanceOf(CecValidationException.class);
    }

    @Test
    void gatewayTokenTtlAbove3600IsRefused() {
        assertThatThrownBy(() -> CecSettings.builder().baseUrl("https://cec.example.com").appKey("k")
                .appSecret("s").channelConfigId("c").gatewayTokenTtl(java.time.Duration.ofSeconds(3601)).build())
                .isInstanceOf(CecValidationException.class)
                .hasMessageContaining("gatewayTokenTtl").hasMessageContaining("3601");
    }

    private static Arguments rule(String name, String field, String rule, String value,
                                  Function<CecConnection, CompletableFuture<?>> call) {
        return arguments(name, field, rule, value, call);
    }

    private static SatisfactionRequest satisfaction(String evaluation, String comment) {
        SatisfactionRequest r = new SatisfactionRequest();
        r.setEvaluation(evaluation);
        r.setComment(comment);
        return r;
    }

    private static RobotFeedbackRequest feedback(int feedback, String content) {
        RobotFeedbackRequest r = new RobotFeedbackRequest();
        r.setFeedback(feedback);
        r.setFeedbackContent(content);
        r.setInterIdx("1");
        return r;
    }

    private static DownloadFileRequest download(String fileId, String fileType) {
        DownloadFileRequest r = new DownloadFileRequest();
        r.setFileId(fileId);
        r.setFileType(fileType);
        return r;
    }

    private static CreateCallRequest call(String called, String callerPresent, String callData) {
        CreateCallRequest r = new CreateCallRequest();
        r.setCalled(called);
        r.setCallerPresent(callerPresent);
        r.setCallData(callData);
        return r;
    }

    private static SendMessageRequest media(MediaType type, String content) {
        SendMessageRequest r = new SendMessageRequest();
        r.setControlType(ControlType.CHAT);
        r.setMediaType(type);
        r.setContent(content);
        return r;
    }

    private static SendMessageRequest agentSourced() {
        SendMessageRequest r = SendMessageRequest.text("hi");
        r.setSourceType("AGENT");
        return r;
    }

    private static PhraseQueryRequest phrases(String keyword, String locale) {
        PhraseQueryRequest r = new PhraseQueryRequest();
        r.setStrContent(keyword);
        r.setLocale(locale);
        return r;
    }

    private static LeaveMessageRequest leave(String callId, String caller, String text) {
        LeaveMessageRequest r = new LeaveMessageRequest();
        r.setCallId(callId);
        r.setCaller(caller);
        r.setLeaveMessage(text);
        return r;
    }

    private static ClickToCallRequest clickToCall(String mediaAbility) {
        ClickToCallRequest r = new ClickToCallRequest();
        r.setMediaAbility(mediaAbility);
        return r;
    }
}
