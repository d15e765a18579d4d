package io.github.camelcec.component.connection;

import java.nio.charset.StandardCharsets;

import io.github.camelcec.component.client.CecApi;
import io.github.camelcec.component.client.CecAuthenticationException;
import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.client.CecHttpException;
import io.github.camelcec.component.client.CecTransportException;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.ClickToCallEventsResponse;
import io.github.camelcec.component.model.ClickToCallRequest;
import io.github.camelcec.component.model.ClickToCallSupportResponse;
import io.github.camelcec.component.model.ControlType;
import io.github.camelcec.component.model.CreateCallRequest;
import io.github.camelcec.component.model.CreateCallResponse;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.model.DownloadFileRequest;
import io.github.camelcec.component.model.DropClickToCallRequest;
import io.github.camelcec.component.model.LeaveMessageRequest;
import io.github.camelcec.component.model.MediaType;
import io.github.camelcec.component.model.PhraseQueryRequest;
import io.github.camelcec.component.model.PollResponse;
import io.github.camelcec.component.model.QueueInfoRequest;
import io.github.camelcec.component.model.RobotFeedbackRequest;
import io.github.camelcec.component.model.SatisfactionRequest;
import io.github.camelcec.component.model.SendMessageRequest;
import io.github.camelcec.component.model.UploadFileRequest;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.Quirks;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every operation of cec-api.md §3 through the client, with the simulator's §4 quirks on (the vendor's samples) and
 * off (the tables' spelling): the client reads both.
 */
class OperationsTest {

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    private static CecConnection client;

    @BeforeAll
    static void start() {
        client = ClientTestSupport.clientFor(SIM.simulator());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static void quirks(boolean samples) {
        Quirks q = SIM.simulator().quirks();
        q.returnCodeOnUploadAndSatisfaction(samples);
        q.questionForPhrases(samples);
        q.webRtcSupportedCapitalS(samples);
        q.gzipCreateCall(samples);
        q.numericTimestamps(samples);
        q.numericEventId(samples);
        q.upperCaseRobotGender(samples);
    }

    private static Customer connected(String userId) {
        Customer c = Customer.of(userId, "Name of " + userId);
        assertThat(client.call(CecApi.SEND, c, SendMessageRequest.control(ControlType.CONNECT)).isSuccess()).isTrue();
        return c;
    }

    @ParameterizedTest(name = "vendor samples: {0}")
    @ValueSource(booleans = { true, false })
    void conversationWithRobotAndAgent(boolean samples) {
        quirks(samples);
        Customer c = connected("conv-" + samples);
        PollResponse greeting = client.call(CecApi.POLL, c, null);
        assertThat(greeting.isSuccess()).isTrue();
        assertThat(greeting.getDownlinkMessages()).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getTo()).isEqualTo(c.userId()));

        client.call(CecApi.SEND, c, SendMessageRequest.text("hello robot"));
        DownlinkMessage robot = client.call(CecApi.POLL, c, null).getDownlinkMessages().get(0);
        assertThat(robot.getSourceType()).isEqualTo("ROBOT");
        assertThat(robot.getTimestamp()).matches("\\d{13}");
        assertThat(robot.getMessageCode()).isNotBlank();
        assertThat(robot.getRobotGender()).isIn("male", "female");

        assertThat(client.call(CecApi.SEND, c, SendMessageRequest.control(ControlType.TRANS2AGENT)).isSuccess()).isTrue();
        assertThat(client.call(CecApi.POLL, c, null).getDownlinkMessages()).extracting(DownlinkMessage::getSourceType).contains("SYSTEM");
        client.call(CecApi.SEND, c, SendMessageRequest.text("hello agent"));
        assertThat(SIM.simulator().agentInbox(c.userId())).containsExactly("hello agent");
        SIM.simulator().sendAgentMessage(c.userId(), "hello customer");
        assertThat(client.call(CecApi.POLL, c, null).getDownlinkMessages()).extracting(DownlinkMessage::getContent)
                .containsExactly("hello customer");
        // ref §5: a poll hands each message out once
        assertThat(client.call(CecApi.POLL, c, null).getDownlinkMessages()).isEmpty();

        assertThat(client.call(CecApi.SEND, c, SendMessageRequest.control(ControlType.DISCONNECT)).isSuccess()).isTrue();
        assertThat(client.call(CecApi.POLL, c, null).getDownlinkMessages()).extracting(DownlinkMessage::getControlType)
                .contains("DISCONNECT");
    }

    @Test
    void chatBeforeConnectIsBusinessCode13() {
        assertThatThrownBy(() -> client.call(CecApi.SEND, Customer.of("no-connect"), SendMessageRequest.text("hi")))
                .isInstanceOfSatisfying(CecBusinessException.class, e -> {
                    assertThat(e.getResultCode()).isEqualTo("13");
                    assertThat(e.getOperation()).isEqualTo("send");
                    assertThat(e.getHttpStatus()).isEqualTo(200);
                });
    }

    @Test
    void connectOutsideWorkingHoursIsBusinessCode12() {
        SIM.simulator().setWorkingHours(false);
        assertThatThrownBy(() -> connected("after-hours"))
                .isInstanceOfSatisfying(CecBusinessException.class, e -> assertThat(e.getResultCode()).isEqualTo("12"));
    }

    @ParameterizedTest(name = "vendor samples: {0}")
    @ValueSource(booleans = { true, false })
    void uploadSendAndDownloadMedia(boolean samples) {
        quirks(samples);
        Customer c = connected("media-" + samples);
        byte[] picture = "not really a jpeg".getBytes(StandardCharsets.UTF_8);

        var uploaded = client.call(CecApi.UPLOAD_FILE, c, UploadFileRequest.of(picture, "jpg"));
        assertThat(uploaded.isSuccess()).as("returnCode read as resultCode").isTrue();
        assertThat(SIM.simulator().storedFile(uploaded.getObjectKey())).isEqualTo(picture);
        assertThat(client.call(CecApi.SEND, c, SendMessageRequest.media(MediaType.IMAGE, uploaded.getObjectKey(), "jpg"))
                .isSuccess()).isTrue();

        String fileId = SIM.simulator().sendAgentMedia(c.userId(), "IMAGE", picture, "png");
        DownloadFileRequest download = new DownloadFileRequest();
        download.setFileId(fileId);
        download.setFileType("png");
        assertThat(client.call(CecApi.DOWNLOAD_FILE, c, download).getBytes()).isEqualTo(picture);
    }

    @Test
    void businessFailureOfADownloadIsReturnedWithoutTokenRefresh() {
        CecConnection lenient = ClientTestSupport.clientFor(SIM.simulator(), b -> b.failOnBusinessError(false));
        try (lenient) {
            Customer c = Customer.of("download-13");
            lenient.call(CecApi.SEND, c, SendMessageRequest.control(ControlType.CONNECT));
            SIM.simulator().journal().clear();
            var response = lenient.call(CecApi.DOWNLOAD_FILE, c, downloadOf("unknown-object", "jpg"));
            assertThat(response.isSuccess()).isFalse();
            assertThat(response.getResultCode()).isEqualTo("13");
            assertThat(SIM.simulator().journal().count(CecOperation.APPLY_TOKEN)).isZero();
            assertThat(SIM.simulator().journal().count(CecOperation.DOWNLOAD_FILE)).isEqualTo(1);
        }
    }

    /** cec-api §4.11: downloadFileStream's business code 401 inside a 200 is not an HTTP 401. */
    @Test
    void businessCode401InsideA200CausesNoTokenRefreshOrReplay() {
        Customer c = connected("download-401");
        SIM.simulator().journal().clear();
        SIM.simulator().faults().on(CecOperation.DOWNLOAD_FILE).resultCodeNext(1, "401");
        assertThatThrownBy(() -> client.call(CecApi.DOWNLOAD_FILE, c, downloadOf("some-object", "jpg")))
                .isInstanceOfSatisfying(CecBusinessException.class, e -> {
                    assertThat(e.getResultCode()).isEqualTo("401");
                    assertThat(e.getHttpStatus()).isEqualTo(200);
                })
                .isNotInstanceOf(CecAuthenticationException.class);
        assertThat(SIM.simulator().journal().count(CecOperation.DOWNLOAD_FILE)).isEqualTo(1);
        assertThat(SIM.simulator().journal().count(CecOperation.APPLY_TOKEN)).isZero();
        assertThat(SIM.simulator().journal().count(CecOperation.TOKEN_BY_AKSK)).isZero();
    }

    @ParameterizedTest(name = "vendor samples: {0}")
    @ValueSource(booleans = { true, false })
    void satisfactionFeedbackQueueAndPhrases(boolean samples) {
        quirks(samples);
        Customer c = connected("rate-" + samples);
        client.call(CecApi.SEND, c, SendMessageRequest.text("版本"));
        DownlinkMessage robot = client.call(CecApi.POLL, c, null).getDownlinkMessages().stream()
                .filter(m -> m.getInterIdx() != null).findFirst().orElseThrow();

        RobotFeedbackRequest feedback = new RobotFeedbackRequest();
        feedback.setFeedback(0);
        feedback.setFeedbackContent("not what I asked");
        feedback.setInterIdx(robot.getInterIdx());
        assertThat(client.call(CecApi.ROBOT_FEEDBACK, c, feedback).isSuccess()).isTrue();

        PhraseQueryRequest phrases = new PhraseQueryRequest();
        phrases.setStrContent("APP");
        assertThat(client.call(CecApi.QUERY_PHRASES, c, phrases).getPhrases()).as("question read as phrases").isNotEmpty();

        client.call(CecApi.SEND, c, SendMessageRequest.control(ControlType.TRANS2AGENT));
        var queue = client.call(CecApi.QUERY_QUEUE_INFO, c, new QueueInfoRequest());
        assertThat(queue.isSuccess()).isTrue();
        assertThat(queue.getPosition()).isNotNull();
        assertThat(queue.getConfigMaxcWaitTime()).isNotNull();

        SatisfactionRequest rating = new SatisfactionRequest();
        rating.setEvaluation("5");
        rating.setComment("quick and kind");
        assertThat(client.call(CecApi.SAVE_SATISFACTION, c, rating).isSuccess()).as("returnCode read as resultCode").isTrue();
        assertThat(SIM.simulator().journal().entries(CecOperation.SAVE_SATISFACTION).get(0).body())
                .contains("\"userId\":\"" + c.userId() + "\"")
                .contains("\"channelConfigId\":\"" + SIM.simulator().channelConfigId() + "\"");
    }

    @ParameterizedTest(name = "vendor samples: {0}")
    @ValueSource(booleans = { true, false })
    void clickToCallLifecycle(boolean samples) {
        quirks(samples);
        Customer c = connected("c2c-" + samples);
        ClickToCallSupportResponse support = client.call(CecApi.CHECK_CLICK_TO_CALL_SUPPORT, c, null);
        assertThat(support.getWebRtcSupported()).as("webRTCSupported and webRTCsupported").isNotNull();
        assertThat(support.getClickToCallSupported()).isTrue();

        ClickToCallRequest call = new ClickToCallRequest();
        call.setMediaAbility("1");
        assertThat(client.call(CecApi.CREATE_CLICK_TO_CALL, c, call).isSuccess()).isTrue();
        ClickToCallEventsResponse events = client.call(CecApi.GET_CLICK_TO_CALL_EVENTS, c, null);
        assertThat(events.getEventId()).as("numeric or string eventId").isNotBlank();
        assertThat(client.call(CecApi.DROP_CLICK_TO_CALL, c, new DropClickToCallRequest()).isSuccess()).isTrue();
    }

    @ParameterizedTest(name = "gzip: {0}")
    @ValueSource(booleans = { true, false })
    void createCallSendsNoCustomerTokenAndReadsGzip(boolean gzip) {
        SIM.simulator().quirks().gzipCreateCall(gzip);
        CreateCallRequest request = new CreateCallRequest();
        request.setCalled("13800000000");
        request.setCallerPresent("4001234567");
        CreateCallResponse response = client.call(CecApi.CREATE_CALL, null, request);
        assertThat(response.isSuccess()).isTrue();
        assertThat(response.getResultData().getSipServiceAddress()).contains(":");
        var sent = SIM.simulator().journal().entries(CecOperation.CREATE_CALL).get(0);
        assertThat(sent.header("ccmessaging-token")).isNull();
        assertThat(sent.header("authorization")).startsWith("Bearer ");
        assertThat(sent.header("x-app-key")).isEqualTo(SIM.simulator().appKey());
    }

    @Test
    void leaveMessageAfterAFailedConnect() {
        CecSimulator sim = SIM.simulator();
        sim.setWorkingHours(false);
        Customer c = Customer.of("leaver");
        CecConnection lenient = ClientTestSupport.clientFor(sim, b -> b.failOnBusinessError(false));
        try (lenient) {
            CecResult connect = lenient.call(CecApi.SEND, c, SendMessageRequest.control(ControlType.CONNECT));
            assertThat(connect.getResultCode()).isEqualTo("12");
            LeaveMessageRequest leave = new LeaveMessageRequest();
            leave.setCallId("call-123");
            leave.setCaller("13800000000");
            leave.setLeaveMessage("please call back");
            assertThat(lenient.call(CecApi.LEAVE_MESSAGE, c, leave).isSuccess()).isTrue();
        }
    }

    @Test
    void flowControlIsABusinessErrorThatSaysSo() {
        Customer c = connected("flow");
        SIM.simulator().faults().on(CecOperation.POLL).flowControlNext(1);
        assertThatThrownBy(() -> client.call(CecApi.POLL, c, null))
                .isInstanceOfSatisfying(CecBusinessException.class, e -> assertThat(e.isFlowControl()).isTrue());
    }

    @Test
    void serverErrorsAndResetsAreReportedNotRetried() {
        Customer c = connected("faults");
        SIM.simulator().faults().on(CecOperation.POLL).failNext(1, 503);
        assertThatThrownBy(() -> client.call(CecApi.POLL, c, null))
                .isInstanceOfSatisfying(CecHttpException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
        SIM.simulator().faults().on(CecOperation.POLL).resetNext(1);
        assertThatThrownBy(() -> client.call(CecApi.POLL, c, null)).isInstanceOf(CecTransportException.class)
                .hasMessageContaining("poll");
        assertThat(client.call(CecApi.POLL, c, null).isSuccess()).isTrue();
        assertThat(SIM.simulator().journal().count(CecOperation.POLL)).isEqualTo(3);
    }

    private static DownloadFileRequest downloadOf(String fileId, String fileType) {
        DownloadFileRequest r = new DownloadFileRequest();
        r.setFileId(fileId);
        r.setFileType(fileType);
        return r;
    }
}
