package io.github.camelcec.component;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.simulator.CecOperation;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelcec.component.CecConstants.FILE_TYPE;
import static io.github.camelcec.component.CecConstants.MEDIA_TYPE;
import static io.github.camelcec.component.CecConstants.OBJECT_KEY;
import static io.github.camelcec.component.CecConstants.RESULT_CODE;
import static io.github.camelcec.component.CecConstants.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * cec:send with a binary body and a file type: one upload, then one media message whose content points at the stored
 * object (ref §7.1.2 {@code objectKey,ext}; FILE {@code fileName,fileSize,objectKey,ext}).
 */
class SendBinaryBodyTest extends CecRouteTestSupport {

    private static final byte[] PICTURE = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3, (byte) 0xD9 };

    @TempDir
    Path inbox;

    @Override
    protected void addRoutes(CamelContext context) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?noop=true&initialDelay=0&delay=50").routeId("files").autoStartup(false)
                        .setHeader(USER_ID, constant("from-file"))
                        .to("cec:send")
                        .to("mock:sent");
            }
        });
    }

    /** The one upload and the media message after the automatic CONNECT; returns the media message's content. */
    private static String assertUploadedThenSent(byte[] bytes, String fileType, String mediaType, Exchange exchange) {
        assertThat(operationsSent()).containsExactly(CecOperation.TOKEN_BY_AKSK, CecOperation.APPLY_TOKEN,
                CecOperation.SEND, CecOperation.UPLOAD_FILE, CecOperation.SEND);
        JsonNode upload = receivedOnce(CecOperation.UPLOAD_FILE);
        assertThat(upload.path("fileType").asText()).isEqualTo(fileType);
        assertThat(upload.path("channel").asText()).isEqualTo("WEB");
        assertThat(Base64.getDecoder().decode(upload.path("fileStream").asText())).isEqualTo(bytes);

        String objectKey = header(exchange, OBJECT_KEY);
        assertThat(objectKey).isNotBlank();
        assertThat(sim().storedFile(objectKey)).isEqualTo(bytes);
        JsonNode media = received(CecOperation.SEND).get(1);
        assertThat(media.path("controlType").asText()).isEqualTo("CHAT");
        assertThat(media.path("mediaType").asText()).isEqualTo(mediaType);
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("0");
        return media.path("content").asText();
    }

    @Test
    void byteArrayWithFileTypeHeaderIsUploadedAndSentAsAnImage() {
        Exchange exchange = ok(call("cec:send", PICTURE, Map.of(USER_ID, "bytes", FILE_TYPE, "jpg")));

        String content = assertUploadedThenSent(PICTURE, "jpg", "IMAGE", exchange);
        assertThat(content).isEqualTo(header(exchange, OBJECT_KEY) + ",jpg");
    }

    @Test
    void inputStreamWithFileTypeOptionIsSentAsAudio() {
        byte[] sound = "ID3 not really an mp3".getBytes(StandardCharsets.UTF_8);
        Exchange exchange = ok(call("cec:send?fileType=mp3", new ByteArrayInputStream(sound), "stream"));

        String content = assertUploadedThenSent(sound, "mp3", "AUDIO", exchange);
        assertThat(content).isEqualTo(header(exchange, OBJECT_KEY) + ",mp3");
    }

    @Test
    void mediaTypeHeaderOverridesTheOneTheFileTypeImplies() {
        Exchange exchange = ok(call("cec:send", PICTURE, Map.of(USER_ID, "fi", FILE_TYPE, "png", MEDIA_TYPE,
                "FILE_IMAGE")));

        String content = assertUploadedThenSent(PICTURE, "png", "FILE_IMAGE", exchange);
        assertThat(content).isEqualTo(header(exchange, OBJECT_KEY) + ",png");
    }

    @Test
    void javaIoFileTakesItsTypeFromItsNameAndIsSentAsAFileMessage() throws Exception {
        byte[] csv = "id,name\n1,alice\n".getBytes(StandardCharsets.UTF_8);
        File file = Files.write(Files.createTempDirectory("cec").resolve("orders.csv"), csv).toFile();
        Exchange exchange = ok(call("cec:send", file, "filer"));

        String content = assertUploadedThenSent(csv, "csv", "FILE", exchange);
        // cec-api §5: FILE content is fileName,fileSize,fileId,fileType
        assertThat(content).isEqualTo("orders.csv," + csv.length + "," + header(exchange, OBJECT_KEY) + ",csv");
    }

    @Test
    void genericFileFromAFileConsumerIsUploadedAndSent() throws Exception {
        MockEndpoint sent = context.getEndpoint("mock:sent", MockEndpoint.class);
        sent.expectedMessageCount(1);
        Files.write(inbox.resolve("photo.png"), PICTURE);
        context.getRouteController().startRoute("files");

        sent.assertIsSatisfied(10_000);
        Exchange exchange = sent.getReceivedExchanges().get(0);
        assertThat(exchange.getIn().getHeader(Exchange.FILE_NAME)).isEqualTo("photo.png");
        String content = assertUploadedThenSent(PICTURE, "png", "IMAGE", exchange);
        assertThat(content).isEqualTo(header(exchange, OBJECT_KEY) + ",png");
    }

    @Test
    void genericFileBodyIsRecognisedAsAFile() throws Exception {
        File file = Files.write(Files.createTempDirectory("cec").resolve("clip.mp4"), PICTURE).toFile();
        GenericFile<File> generic = new GenericFile<>();
        generic.setFile(file);
        generic.setFileName(file.getName());
        generic.setAbsoluteFilePath(file.getAbsolutePath());
        generic.setBody(file);
        Exchange exchange = ok(call("cec:send", generic, "generic"));

        String content = assertUploadedThenSent(PICTURE, "mp4", "VIDEO", exchange);
        assertThat(content).isEqualTo(header(exchange, OBJECT_KEY) + ",mp4");
    }

    @Test
    void bytesWithoutAFileTypeAreText() {
        ok(call("cec:send", "plain words".getBytes(StandardCharsets.UTF_8), "texty"));

        assertThat(sim().journal().count(CecOperation.UPLOAD_FILE)).isZero();
        JsonNode chat = received(CecOperation.SEND).get(1);
        assertThat(chat.path("mediaType").asText()).isEqualTo("TEXT");
        assertThat(chat.path("content").asText()).isEqualTo("plain words");
    }

    @Test
    void fileWithoutAKnownTypeIsRejectedBeforeAnyRequest() throws Exception {
        File file = Files.write(Files.createTempDirectory("cec").resolve("README"), PICTURE).toFile();
        assertRejected(call("cec:send", file, "nofile"), "send", "fileType", "is required for a file body", "README");
    }

    @Test
    void unsupportedFileTypeIsRejectedBeforeAnyRequest() {
        assertRejected(call("cec:send", PICTURE, Map.of(USER_ID, "exe", FILE_TYPE, "exe")), "upload", "fileType",
                "must be one of", "exe");
    }

    @Test
    void binaryBodyDeclaredAsTextIsRejectedBeforeTheUpload() {
        assertRejected(call("cec:send", PICTURE, Map.of(USER_ID, "astext", FILE_TYPE, "jpg",
                CecConstants.MEDIA_TYPE, "TEXT")), "send", "mediaType", "must be a media type for a file body", "TEXT");
    }

    @Test
    void binaryBodyWithoutUserIdIsRejectedBeforeAnyRequest() {
        assertRejected(call("cec:send", PICTURE, Map.of(FILE_TYPE, "jpg")), "send", "userId", "is required", null);
    }

    @Test
    void failedUploadSendsNoMediaMessage() {
        sim().faults().on(CecOperation.UPLOAD_FILE).flowControlNext(1);
        Exchange exchange = call("cec:send", PICTURE, Map.of(USER_ID, "upfail", FILE_TYPE, "jpg"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getOperation()).isEqualTo("upload");
            assertThat(e.isFlowControl()).isTrue();
        });
        assertThat(controlTypesSent()).containsExactly("CONNECT");
        assertThat(List.of(sim().journal().count(CecOperation.UPLOAD_FILE))).containsExactly(1L);
    }
}
