package io.github.camelcec.demo;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.main.Main;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A developer's exported settings cannot reach the bridge the demo and BridgeEndToEndIT run: surefire exports
 * CEC_BASE_URL, CEC_APP_KEY, KAFKA_BROKERS, TRANSCRIPT_TO and CAMEL_COMPONENT_CEC_BASE_URL and sets
 * -Dcec.base-url, all pointing at systems that do not exist (see the pom). The bridge is configured, not started.
 */
class EmbeddedBridgeTest {

    private static final Map<String, String> EXPLICIT = Map.of(
            "cec.base-url", "http://127.0.0.1:18080",
            "kafka.brokers", "127.0.0.1:19092");

    private Main main;
    private CamelContext bridge;

    @BeforeEach
    void configureTheBridge() throws Exception {
        main = EmbeddedBridge.configure(EXPLICIT);
        main.init();
        bridge = main.getCamelContext();
    }

    @AfterEach
    void shutDown() {
        main.shutdown();
    }

    @Test
    void theEnvironmentOfThisTestReallyHasTheVariablesSet() {
        // without them every other test here would pass for nothing
        assertThat(System.getenv("CEC_BASE_URL")).isEqualTo("https://real-cec.invalid");
        assertThat(System.getenv("KAFKA_BROKERS")).isEqualTo("real-kafka.invalid:9092");
        assertThat(System.getProperty("cec.base-url")).isEqualTo("https://real-cec.invalid");
    }

    @Test
    void explicitSettingsWinOverExportedVariablesAndSystemProperties() {
        assertThat(bridge.resolvePropertyPlaceholders("{{cec.base-url}}")).isEqualTo("http://127.0.0.1:18080");
        assertThat(bridge.resolvePropertyPlaceholders("{{kafka.brokers}}")).isEqualTo("127.0.0.1:19092");
        assertThat(bridge.resolvePropertyPlaceholders("{{camel.component.kafka.brokers}}")).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void settingsNotGivenTakeTheFilesDefaultsNotTheExportedVariables() {
        assertThat(bridge.resolvePropertyPlaceholders("{{cec.app-key}}")).isEqualTo("demo-app-key");
        assertThat(bridge.resolvePropertyPlaceholders("{{transcript.to}}")).isEqualTo("support-archive@example.com");
        // PATH is exported in every process: the env function does not read it, Camel's key mapping neither
        assertThat(bridge.resolvePropertyPlaceholders("{{env:PATH:none}}")).isEqualTo("none");
        assertThat(bridge.resolvePropertyPlaceholders("{{path:none}}")).isEqualTo("none");
    }

    @Test
    void camelMainDoesNotBindCamelComponentVariablesToTheComponent() throws Exception {
        Component cec = bridge.getComponent("cec");
        PropertyConfigurerGetter options = (PropertyConfigurerGetter) PluginHelper.getConfigurerResolver(bridge)
                .resolvePropertyConfigurer("cec-component", bridge);
        assertThat(options.getOptionValue(cec, "baseUrl", false)).isEqualTo("http://127.0.0.1:18080");
    }
}
