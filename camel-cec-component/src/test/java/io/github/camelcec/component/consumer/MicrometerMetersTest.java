package io.github.camelcec.component.consumer;

import java.time.Duration;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** issue 14: with a Micrometer registry in the Camel registry, the figures are meters of the same names. */
class MicrometerMetersTest extends ConsumerTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void consumerAndComponentFiguresAreMetersWhileTheyRun() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").routeId("metered").process(e -> record(e));
            }
        }, c -> c.getRegistry().bind("meters", meters));
        connect("m1");
        await().atMost(WAIT).until(() -> receivedCount() == 1);

        FunctionCounter delivered = meters.get("cec.consumer.delivered").tag("routeId", "metered").functionCounter();
        assertThat(delivered.count()).isEqualTo(1.0);
        assertThat(meters.get("cec.consumer.polls").tag("routeId", "metered").functionCounter().count()).isPositive();
        Gauge live = meters.get("cec.consumer.live.sessions").tag("routeId", "metered").gauge();
        assertThat(live.value()).isEqualTo(1.0);
        assertThat(meters.get("cec.consumer.poll.rate").gauge()).isNotNull();
        assertThat(meters.get("cec.component.gateway.token.fetches").tag("component", "cec")
                .tag("camelContext", context.getName()).functionCounter().count()).isEqualTo(1.0);
        assertThat(meters.get("cec.component.customer.token.applies").functionCounter().count()).isEqualTo(1.0);
        assertThat(meters.get("cec.component.live.sessions").gauge().value()).isEqualTo(1.0);

        context.stop();
        assertThat(meters.find("cec.consumer.delivered").meters()).as("removed with the consumer").isEmpty();
        assertThat(meters.find("cec.component.polls").meters()).as("removed with the component").isEmpty();
    }
}
