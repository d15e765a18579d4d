package io.github.camelcec.component.consumer;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelcec.simulator.CecOperation;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** issue 14: an operator reads the consumer's and the component's figures over JMX and acts on one customer. */
class ConsumerJmxTest extends ConsumerTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String[] USER_ID = { String.class.getName() };

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
    private final AtomicBoolean routeFails = new AtomicBoolean(true);

    @Test
    void figuresAndOperationsOfTheConsumerOverJmx() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                // a failed delivery waits a minute (maxIdleDelay) before the next attempt, unless retried now
                from("cec:poll?delay=100&maxIdleDelay=60000&pendingMessageStore=#heldForLong").routeId("ops")
                        .process(e -> {
                            if (routeFails.get()) {
                                throw new IllegalStateException("the CRM is down");
                            }
                        })
                        .process(e -> record(e));
            }
        }, c -> c.getRegistry().bind("heldForLong", new HeldForLongPendingMessageStore()));
        ObjectName consumer = mbean("consumers", "RouteId", "ops");

        connect("alice");
        await().atMost(WAIT).until(() -> (Long) jmx.getAttribute(consumer, "Redeliveries") >= 1);
        assertThat(jmx.getAttribute(consumer, "PendingMessages")).isEqualTo(1);
        assertThat(jmx.getAttribute(consumer, "LiveSessions")).isEqualTo(1);
        assertThat(jmx.getAttribute(consumer, "Delivered")).isEqualTo(0L);
        assertThat((Long) jmx.getAttribute(consumer, "Polls")).isPositive();

        // the route recovered; the held greeting is delivered now, not after the minute
        routeFails.set(false);
        assertThat(jmx.invoke(consumer, "retryNow", new Object[] { "alice" }, USER_ID)).isEqualTo(true);
        await().atMost(WAIT).until(() -> contents("alice", "ROBOT").size() == 1);
        await().atMost(WAIT).until(() -> jmx.getAttribute(consumer, "PendingMessages").equals(0));
        assertThat(jmx.getAttribute(consumer, "Delivered")).isEqualTo(1L);
        assertThat(jmx.invoke(consumer, "retryNow", new Object[] { "nobody" }, USER_ID)).isEqualTo(false);

        assertThat(jmx.invoke(consumer, "endSession", new Object[] { "alice" }, USER_ID)).isEqualTo(true);
        assertThat(jmx.getAttribute(consumer, "LiveSessions")).isEqualTo(0);
        assertThat(jmx.invoke(consumer, "endSession", new Object[] { "alice" }, USER_ID)).isEqualTo(false);
        // no longer polled: the scheduler lets go of alice, and five ticks later CEC has seen no poll since
        await().atMost(WAIT).until(() -> jmx.getAttribute(consumer, "PolledCustomers").equals(0));
        long polls = sim().journal().count(CecOperation.POLL);
        await().during(Duration.ofMillis(500)).atMost(WAIT)
                .until(() -> sim().journal().count(CecOperation.POLL) == polls);
    }

    @Test
    void theComponentCountsTokensAndPollsAsCecSawThem() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").routeId("counted").process(e -> record(e));
            }
        });
        ObjectName cec = mbean("components", "ComponentName", "cec");
        List.of("c1", "c2", "c3").forEach(this::connect);
        await().atMost(WAIT).until(() -> receivedCount() == 3);

        assertThat(jmx.getAttribute(cec, "LiveSessions")).isEqualTo(3);
        assertThat(jmx.getAttribute(cec, "GatewayTokenFetches")).isEqualTo(sim().journal().count(CecOperation.TOKEN_BY_AKSK));
        assertThat(jmx.getAttribute(cec, "GatewayTokenFetches")).isEqualTo(1L);
        assertThat(jmx.getAttribute(cec, "CustomerTokenApplies")).isEqualTo(3L);
        assertThat(jmx.getAttribute(cec, "CustomerTokenApplies")).isEqualTo(sim().journal().count(CecOperation.APPLY_TOKEN));
        context.getRouteController().stopRoute("counted");
        assertThat(jmx.getAttribute(cec, "Polls")).isEqualTo(sim().journal().count(CecOperation.POLL));
    }

    @Test
    void flowControlIsCountedByTheConsumerAndTheComponent() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50&flowControlDelay=100").routeId("throttled").process(e -> record(e));
            }
        });
        ObjectName consumer = mbean("consumers", "RouteId", "throttled");
        ObjectName cec = mbean("components", "ComponentName", "cec");
        connect("f1");
        await().atMost(WAIT).until(() -> receivedCount() == 1);

        sim().faults().on(CecOperation.POLL).flowControlNext(3);
        sim().sendAgentMessage("f1", "after the pause");
        await().atMost(WAIT).until(() -> contents("f1", "AGENT").contains("after the pause"));
        assertThat((Long) jmx.getAttribute(consumer, "FlowControlPauses")).isPositive();
        assertThat((Long) jmx.getAttribute(consumer, "PollFailures")).isEqualTo(3L);
        assertThat(jmx.getAttribute(cec, "FlowControlAnswers")).isEqualTo(3L);
        await().atMost(WAIT).until(() -> (Double) jmx.getAttribute(consumer, "PollRate") > 0);
    }

    /** The MBean of this test's context of {@code type} whose {@code attribute} is {@code value}. */
    private ObjectName mbean(String type, String attribute, String value) throws Exception {
        for (ObjectName name : jmx.queryNames(new ObjectName("org.apache.camel:type=" + type + ",*"), null)) {
            if (context.getName().equals(jmx.getAttribute(name, "CamelId"))
                && value.equals(jmx.getAttribute(name, attribute))) {
                return name;
            }
        }
        throw new AssertionError("no " + type + " MBean with " + attribute + "=" + value);
    }
}
