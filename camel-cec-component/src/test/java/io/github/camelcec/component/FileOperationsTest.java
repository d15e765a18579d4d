package io.github.camelcec.component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.model.DownloadFileRequest;
import io.github.camelcec.component.model.DownloadFileResponse;
import io.github.camelcec.simulator.CecOperation;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelcec.component.CecConstants.FILE_ID;
import static io.github.camelcec.component.CecConstants.FILE_TYPE;
import static io.github.camelcec.component.CecConstants.OBJECT_KEY;
import static io.github.camelcec.component.CecConstants.RESULT_CODE;
import static io.github.camelcec.component.CecConstants.RESULT_DESC;
import static io.github.camelcec.component.CecConstants.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** cec:upload leaves the objectKey; cec:download leaves the file's bytes. */
class FileOperationsTest extends CecRouteTestSupport {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 };

    @Test
    void uploadBytesLeavesTheObjectKeyInBodyAndHeader() {
        Exchange exchange = ok(call("cec:upload", PNG, Map.of(USER_ID, "up", FILE_TYPE, "png")));

        String objectKey = exchange.getMessage().getBody(String.class);
        assertThat(objectKey).isNotBlank().isEqualTo(header(exchange, OBJECT_KEY));
        assertThat(sim().storedFile(objectKey)).isEqualTo(PNG);
        // the simulator answers with the sample's returnCode (cec-api §4.1)
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("0");
        JsonNode sent = receivedOnce(CecOperation.UPLOAD_FILE);
        assertThat(sent.path("fileType").asText()).isEqualTo("png");
        assertThat(sent.path("channel").asText()).isEqualTo("WEB");
        assertThat(lastEntry(CecOperation.UPLOAD_FILE).header("ccmessaging-token"))
                .isEqualTo(sim().currentCustomerToken("up").orElseThrow());
        assertThat(sim().journal().count(CecOperation.SEND)).as("an upload alone sends no message").isZero();
    }

    @Test
    void uploadMapOfWireFieldsGetsTheChannelFilled() {
        String base64 = Base64.getEncoder().encodeToString("a,b\n".getBytes(StandardCharsets.UTF_8));
        Exchange exchange = ok(call("cec:upload", Map.of("fileType", "csv", "fileStream", base64), "up"));

        JsonNode sent = receivedOnce(CecOperation.UPLOAD_FILE);
        assertThat(sent.path("fileStream").asText()).isEqualTo(base64);
        assertThat(sent.path("channel").asText()).isEqualTo("WEB");
        assertThat(sim().storedFile(header(exchange, OBJECT_KEY))).asString().isEqualTo("a,b\n");
    }

    @Test
    void uploadAcceptsBpmAndBmpAsWritten() {
        ok(call("cec:upload?fileType=bpm", PNG, "up"));
        ok(call("cec:upload?fileType=bmp", PNG, "up"));
        assertThat(received(CecOperation.UPLOAD_FILE)).extracting(b -> b.path("fileType").asText())
                .containsExactly("bpm", "bmp");
    }

    @Test
    void uploadFailureCodeIsABusinessException() {
        sim().faults().on(CecOperation.UPLOAD_FILE).flowControlNext(1);
        Exchange exchange = call("cec:upload?fileType=jpg", PNG, "up");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("upload");
            assertThat(e.getResultCode()).isEqualTo("10010000002");
            assertThat(e.getHttpStatus()).isEqualTo(200);
        });
    }

    @Test
    void uploadWithoutFileTypeIsRejectedBeforeAnyRequest() {
        assertRejected(call("cec:upload", PNG, "up"), "upload", "fileType", "must be one of", null);
    }

    @Test
    void downloadByFileIdHeaderLeavesTheBytes() {
        connect("down");
        String fileId = sim().sendAgentMedia("down", "IMAGE", PNG, "png");

        Exchange exchange = ok(call("cec:download", null, Map.of(USER_ID, "down", FILE_ID, fileId, FILE_TYPE, "png")));
        assertThat(exchange.getMessage().getBody()).isInstanceOf(byte[].class);
        assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(PNG);
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("0");
        JsonNode sent = receivedOnce(CecOperation.DOWNLOAD_FILE);
        assertThat(sent.path("fileId").asText()).isEqualTo(fileId);
        assertThat(sent.path("fileType").asText()).isEqualTo("png");
        assertThat(sent.path("channel").asText()).isEqualTo("WEB");
    }

    @Test
    void downloadWithTheFileIdAsBody() {
        connect("down");
        String fileId = sim().sendAgentMedia("down", "AUDIO", PNG, "mp3");
        Exchange exchange = ok(call("cec:download?fileType=mp3", fileId, "down"));
        assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(PNG);
    }

    @Test
    void downloadFromAMapOrATypedRequest() {
        connect("down");
        String fileId = sim().sendAgentMedia("down", "VIDEO", PNG, "mp4");
        ok(call("cec:download", Map.of("fileId", fileId, "fileType", "mp4"), "down"));
        DownloadFileRequest typed = new DownloadFileRequest();
        typed.setFileId(fileId);
        typed.setFileType("mp4");
        Exchange exchange = ok(call("cec:download", typed, "down"));
        assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(PNG);
        assertThat(received(CecOperation.DOWNLOAD_FILE)).extracting(b -> b.path("channel").asText())
                .containsExactly("WEB", "WEB");
    }

    @Test
    void downloadOfAnUnknownFileIs13() {
        Exchange exchange = call("cec:download", null, Map.of(USER_ID, "down", FILE_ID, "nope", FILE_TYPE, "jpg"));
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("download");
            assertThat(e.getResultCode()).isEqualTo("13");
            assertThat(e.getResultDesc()).isEqualTo("downloadFileStream IOException");
        });
    }

    @Test
    void downloadFailureAsHeadersLeavesTheResponse() {
        Exchange exchange = ok(call("cec:download?throwExceptionOnFailure=false", "nope",
                Map.of(USER_ID, "down", FILE_TYPE, "jpg")));
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("13");
        assertThat(header(exchange, RESULT_DESC)).isEqualTo("downloadFileStream IOException");
        assertThat(exchange.getMessage().getBody()).isInstanceOf(DownloadFileResponse.class);
    }

    @Test
    void downloadOfAnUnsupportedTypeIsRejectedBeforeAnyRequest() {
        assertRejected(call("cec:download", "file-1", Map.of(USER_ID, "down", FILE_TYPE, "exe")), "download",
                "fileType", "must be one of", "exe");
    }

    @Test
    void downloadWithoutFileIdIsRejectedBeforeAnyRequest() {
        assertRejected(call("cec:download?fileType=pdf", null, "down"), "download", "fileId", "is required", null);
    }
}
