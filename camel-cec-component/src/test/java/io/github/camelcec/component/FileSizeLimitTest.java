package io.github.camelcec.component;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelcec.component.client.CecTooLargeException;
import io.github.camelcec.simulator.CecOperation;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 7: {@code maxUploadSize} bounds every file, checked before a body is read whole (nothing is sent), and
 * bounds downloaded files before they are decoded.
 */
class FileSizeLimitTest extends CecRouteTestSupport {

    private static final String RULE = "must be at most 1000 bytes (maxUploadSize)";

    @TempDir
    Path dir;

    @Override
    protected void configure(CecComponent component) {
        // Camel's stream caching would read a stream body whole before the producer sees it
        context.setStreamCaching(false);
    }

    @Test
    void theDefaultBoundIsTenMebibytes() {
        assertThat(new CecConfiguration().getMaxUploadSize()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void anUploadOfBytesOverTheBoundIsRefusedNamingFileStreamAndTheSize() {
        Exchange refused = call("cec:upload?maxUploadSize=1000&fileType=jpg", new byte[1001], "big-bytes");

        assertRejected(refused, "upload", "fileStream", RULE, "1001 bytes");
    }

    @Test
    void aFileOrPathOverTheBoundIsRefusedByItsSizeWithoutBeingRead() throws Exception {
        Path big = Files.write(dir.resolve("big.jpg"), new byte[1500]);

        assertRejected(call("cec:send?maxUploadSize=1000", big.toFile(), "big-file"),
                "send", "body", RULE, "1500 bytes");
        assertRejected(call("cec:send?maxUploadSize=1000", big, "big-path"),
                "send", "body", RULE, "1500 bytes");
    }

    @Test
    void aStreamIsReadNoFurtherThanOneByteOverTheBound() {
        AtomicLong read = new AtomicLong();
        InputStream large = new InputStream() {
            @Override
            public int read() {
                return read.incrementAndGet() <= 50_000 ? 7 : -1;
            }
        };

        Exchange refused = call("cec:upload?maxUploadSize=1000&fileType=jpg", large, "large-stream");

        assertRejected(refused, "upload", "fileStream", RULE, "more than 1000 bytes");
        assertThat(read.get()).isEqualTo(1001);
    }

    @Test
    void base64GivenInAMapIsMeasuredByTheBytesItDecodesTo() {
        String base64 = Base64.getEncoder().encodeToString(new byte[1200]);

        Exchange refused = call("cec:upload?maxUploadSize=1000",
                Map.of("fileType", "jpg", "fileStream", base64), "big-map");

        assertRejected(refused, "upload", "fileStream", RULE, "1200 bytes");
    }

    @Test
    void aFileOfExactlyTheBoundIsSent() throws Exception {
        File exact = Files.write(dir.resolve("exact.jpg"), new byte[1000]).toFile();

        ok(call("cec:upload?maxUploadSize=1000", exact, "exact"));

        assertThat(sim().journal().count(CecOperation.UPLOAD_FILE)).isEqualTo(1);
    }

    @Test
    void aDownloadedFileOverTheBoundIsRefusedBeforeItIsDecoded() {
        connect("downloader");
        String objectKey = header(ok(call("cec:upload?fileType=jpg", new byte[2000], "downloader")),
                CecConstants.OBJECT_KEY);

        Exchange refused = call("cec:download?maxUploadSize=1000&fileType=jpg", objectKey, "downloader");

        assertThat(refused.getException()).isInstanceOf(CecTooLargeException.class)
                .hasMessageContaining("CEC download sent a file of 2000 bytes, more than maxUploadSize=1000 bytes")
                .hasMessageContaining("it was not decoded");
        assertThat(((CecTooLargeException) refused.getException()).getLimit()).isEqualTo(1000);
    }

    @Test
    void anAnswerFarOverTheBoundIsNotReadAtAll() {
        connect("big-downloader");
        String objectKey = header(ok(call("cec:upload?fileType=jpg", new byte[200_000], "big-downloader")),
                CecConstants.OBJECT_KEY);

        Exchange refused = call("cec:download?maxUploadSize=1000&fileType=jpg", objectKey, "big-downloader");

        assertThat(refused.getException()).isInstanceOf(CecTooLargeException.class)
                .hasMessageContaining("CEC download answer from 127.0.0.1:" + sim().port() + " is larger than")
                .hasMessageContaining("maxUploadSize=1000 bytes")
                .hasMessageContaining("it was not read");
    }
}
