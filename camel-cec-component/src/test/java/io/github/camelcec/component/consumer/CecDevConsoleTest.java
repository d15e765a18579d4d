package io.github.camelcec.component.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** issue 14: the {@code cec} dev console, found by Camel as Camel JBang and the console endpoint find it. */
class CecDevConsoleTest extends ConsumerTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    @SuppressWarnings("unchecked")
    void showsTheComponentAndEveryPollConsumerAsTextAndJson() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").routeId("console").process(e -> record(e));
            }
        });
        connect("d1");
        connect("d2");
        await().atMost(WAIT).until(() -> receivedCount() == 2);

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("cec");
        assertThat(console).as("resolved from META-INF/services/org/apache/camel/dev-console/cec").isNotNull();
        assertThat(console.getId()).isEqualTo("cec");

        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        List<Map<String, Object>> components = (List<Map<String, Object>>) json.get("components");
        assertThat(components).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("name", "cec").containsEntry("liveSessions", 2L)
                    .containsEntry("gatewayTokenFetches", 1L).containsEntry("customerTokenApplies", 2L);
            assertThat((Long) c.get("polls")).isPositive();
        });
        List<Map<String, Object>> consumers = (List<Map<String, Object>>) json.get("consumers");
        assertThat(consumers).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("routeId", "console").containsEntry("liveSessions", 2L)
                    .containsEntry("pendingMessages", 0L).containsEntry("delivered", 2L)
                    .containsEntry("redeliveries", 0L).containsKeys("pollRate", "flowControlPauses");
            assertThat((String) c.get("uri")).startsWith("cec://poll");
        });

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Component: cec", "gatewayTokenFetches: 1", "Route: console", "delivered: 2",
                "liveSessions: 2");
    }
}
