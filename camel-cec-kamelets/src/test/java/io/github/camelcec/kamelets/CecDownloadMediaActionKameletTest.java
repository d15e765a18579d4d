package io.github.camelcec.kamelets;

import java.time.Duration;

import io.github.camelcec.component.CecConstants;
import io.github.camelcec.simulator.CecOperation;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CecDownloadMediaActionKameletTest extends KameletTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:cec-source?" + connection() + "&delay=100")
                        .to("kamelet:cec-download-media-action?" + connection())
                        .to("mock:out");
            }
        };
    }

    @Test
    void anImageMessageBecomesTheImagesBytes() {
        MockEndpoint out = getMockEndpoint("mock:out");
        byte[] image = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5};
        connect("media-1");

        sim().sendAgentMedia("media-1", "IMAGE", image, "jpg");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(out.getExchanges())
                .anySatisfy(e -> assertThat(e.getMessage().getBody(byte[].class)).isEqualTo(image)));
        Exchange downloaded = out.getExchanges().stream()
                .filter(e -> "IMAGE".equals(e.getMessage().getHeader(CecConstants.MEDIA_TYPE))).findFirst().orElseThrow();
        assertThat(downloaded.getMessage().getHeader(CecConstants.FILE_TYPE)).isEqualTo("jpg");
        assertThat(downloaded.getMessage().getHeader(CecConstants.USER_ID)).isEqualTo("media-1");
        assertThat(sim().journal().count(CecOperation.DOWNLOAD_FILE)).isEqualTo(1);
    }

    @Test
    void aTextMessagePassesUnchanged() {
        MockEndpoint out = getMockEndpoint("mock:out");
        connect("media-2");

        sim().sendAgentMessage("media-2", "just text");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(out.getExchanges())
                .anySatisfy(e -> assertThat(e.getMessage().getBody(String.class))
                        .startsWith("{").contains("\"content\":\"just text\"")));
        assertThat(sim().journal().count(CecOperation.DOWNLOAD_FILE)).isZero();
    }
}
