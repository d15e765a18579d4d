package io.github.camelcec.examples;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge as a user configures it: surefire exports CEC_BASE_URL, CEC_APP_SECRET, KAFKA_BROKERS and
 * BRIDGE_ROUTES=yaml to this JVM (see the pom); the app is configured, not started, so nothing is contacted.
 */
class BridgeConfigurationTest {

    private Main main;

    @BeforeEach
    void configureTheApp() throws Exception {
        main = new Main(BridgeApplication.class);
        main.init();
    }

    @AfterEach
    void stop() {
        main.shutdown();
    }

    @Test
    void exportedVariablesReachTheComponentsAndTheRest() {
        CamelContext context = main.getCamelContext();
        assertThat(context.resolvePropertyPlaceholders("{{camel.component.cec.base-url}}")).isEqualTo("https://cec.example.com");
        assertThat(context.resolvePropertyPlaceholders("{{camel.component.cec.app-secret}}")).isEqualTo("secret-from-the-environment");
        assertThat(context.resolvePropertyPlaceholders("{{camel.component.kafka.brokers}}")).isEqualTo("kafka-1.example.com:9092");
    }

    @Test
    void unsetVariablesLeaveTheDocumentedDefaults() {
        CamelContext context = main.getCamelContext();
        assertThat(context.resolvePropertyPlaceholders("{{cec.app-key}}")).isEqualTo("demo-app-key");
        assertThat(context.resolvePropertyPlaceholders("{{kafka.topic.customer-in}}")).isEqualTo("cec.customer.in");
        assertThat(context.resolvePropertyPlaceholders("{{transcript.to}}")).isEqualTo("support-archive@example.com");
        assertThat(context.resolvePropertyPlaceholders("{{smtp.username}}")).isEmpty();
    }

    @Test
    void bridgeRoutesYamlReplacesTheJavaRoutesOneAndTwo() {
        List<RouteDefinition> routes = ((ModelCamelContext) main.getCamelContext()).getRouteDefinitions();
        assertThat(routes).extracting(RouteDefinition::getRouteId)
                .containsExactlyInAnyOrder("kafka-to-cec", "cec-to-kafka", "transcripts", "ticket");
        assertThat(routes).filteredOn(r -> List.of("kafka-to-cec", "cec-to-kafka").contains(r.getRouteId()))
                .allSatisfy(r -> assertThat(r.getResource().getLocation()).endsWith("routes/yaml/cec-bridge.camel.yaml"));
    }
}
