package io.github.camelcec.component.consumer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelcec.component.client.CecTooLargeException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 13 item 7: downloadMedia refuses a file over maxUploadSize instead of decoding it; the message stays held. */
class MediaSizeLimitTest extends ConsumerTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @Test
    void mediaOverTheBoundIsNotDecodedAndTheFailureReachesTheExceptionHandler() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("recordingHandler", (ExceptionHandler) new Recording());
                from("cec:poll?delay=50&downloadMedia=true&maxUploadSize=1000&exceptionHandler=#recordingHandler")
                        .process(e -> record(e));
            }
        });
        // the refused message stays held: do not wait the default shutdown timeout for it
        context.getShutdownStrategy().setTimeout(1);
        connect("viewer");
        sim().sendAgentMedia("viewer", "IMAGE", new byte[1500], "jpg");

        await().atMost(WAIT).until(() -> !failures.isEmpty());

        assertThat(failures.get(0)).isInstanceOf(CecTooLargeException.class)
                .hasMessageContaining("more than maxUploadSize=1000 bytes");
        assertThat(exchanges).noneMatch(e -> "IMAGE".equals(e.getMessage().getHeader("CamelCecMediaType")));
    }

    private final class Recording implements ExceptionHandler {
        @Override
        public void handleException(Throwable exception) {
            failures.add(exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            failures.add(exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            failures.add(exception);
        }
    }
}
