package io.github.camelcec.component.consumer;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.github.camelcec.simulator.CecOperation;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** When polling keeps failing: Camel's backoff and health check see it; flow control pauses polls. */
class PollFailuresTest extends ConsumerTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void healthCheckGoesDownWithTheHttpStatusAndRecovers() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").routeId("cec-poll").process(e -> record(e));
            }
        });
        connect("h1");
        await().atMost(WAIT).until(() -> consumerCheck().map(r -> r.getState() == HealthCheck.State.UP).orElse(false));

        sim().faults().on(CecOperation.POLL).errorRate(1.0, 503);
        await().atMost(WAIT).until(() -> consumerCheck().map(r -> r.getState() == HealthCheck.State.DOWN).orElse(false));
        HealthCheck.Result down = consumerCheck().orElseThrow();
        assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 503);
        assertThat(down.getError()).get().extracting(Throwable::getMessage).asString().contains("503");

        sim().faults().clear();
        sim().sendAgentMessage("h1", "after the outage");
        await().atMost(WAIT).until(() -> contents("h1", "AGENT").contains("after the outage"));
        await().atMost(WAIT).until(() -> consumerCheck().map(r -> r.getState() == HealthCheck.State.UP).orElse(false));
    }

    @Test
    void camelBackoffSkipsPollsWhileEveryPollFails() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=20&backoffErrorThreshold=1&backoffMultiplier=10").process(e -> record(e));
            }
        });
        connect("b1");
        await().atMost(WAIT).until(() -> receivedCount() == 1);
        sim().faults().on(CecOperation.POLL).errorRate(1.0, 500);
        long before = sim().journal().count(CecOperation.POLL);
        await().atMost(WAIT).until(() -> sim().journal().count(CecOperation.POLL) > before);
        // without backoff ~50 polls in a second; with a multiplier of 10 after each failed round, a handful
        await().during(Duration.ofMillis(1000)).atMost(WAIT)
                .until(() -> sim().journal().count(CecOperation.POLL) - before <= 15);
    }

    @Test
    void flowControlPausesPollingThenResumes() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=20&flowControlDelay=2000").process(e -> record(e));
            }
        });
        connect("f1");
        await().atMost(WAIT).until(() -> receivedCount() == 1);
        sim().faults().on(CecOperation.POLL).flowControlNext(1);
        long before = sim().journal().count(CecOperation.POLL);
        await().atMost(WAIT).until(() -> sim().journal().entries(CecOperation.POLL).stream()
                .anyMatch(e -> "10010000002".equals(e.resultCode())));
        long atLimit = sim().journal().count(CecOperation.POLL);
        // polls during the pause: at most the one already under way
        await().during(Duration.ofMillis(400)).atMost(WAIT)
                .until(() -> sim().journal().count(CecOperation.POLL) - atLimit <= 1);
        sim().sendAgentMessage("f1", "after the pause");
        await().atMost(WAIT).until(() -> contents("f1", "AGENT").contains("after the pause"));
        assertThat(sim().journal().count(CecOperation.POLL)).isGreaterThan(before + 1);
    }

    @Test
    void secondConsumerOfTheSameSessionsIsRefused() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").process(e -> record(e));
            }
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=100").to("log:second");
            }
        })).hasStackTraceContaining("Another cec:poll consumer already polls");
        // a receiverId consumer needs no claim
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=100&receiverId=solo").to("log:solo");
            }
        });
        template.sendBodyAndHeaders("cec:send", "", Map.of("CamelCecUserId", "solo", "CamelCecControlType", "CONNECT"));
    }

    private Optional<HealthCheck.Result> consumerCheck() {
        return HealthCheckHelper.invoke(context).stream()
                .filter(r -> r.getCheck().getId().contains("cec-poll"))
                .findFirst();
    }
}
