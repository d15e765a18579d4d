package io.github.camelcec.examples.config;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BridgeSettingsTest {

    @Test
    void defaultsLeaveEveryAddressEmptySoTheEmbeddedSystemsStart() {
        BridgeSettings s = BridgeSettings.load(Map.of(), new Properties());
        assertThat(s.isBlank(BridgeSettings.CEC_BASE_URL)).isTrue();
        assertThat(s.isBlank(BridgeSettings.KAFKA_BROKERS)).isTrue();
        assertThat(s.isBlank(BridgeSettings.SMTP_HOST)).isTrue();
        assertThat(s.isBlank(BridgeSettings.TICKET_URL)).isTrue();
        assertThat(s.get(BridgeSettings.KAFKA_TOPIC_CUSTOMER_IN)).isEqualTo("cec.customer.in");
        assertThat(s.routes()).isEqualTo(RouteVariant.JAVA);
    }

    @Test
    void environmentOverridesTheFileAndSystemPropertiesOverrideTheEnvironment() {
        Properties system = new Properties();
        system.setProperty("kafka.brokers", "from-property:9092");
        BridgeSettings s = BridgeSettings.load(Map.of(
                "CEC_BASE_URL", "https://cec.example.com",
                "CEC_CHANNEL_CONFIG_ID", "12345",
                "KAFKA_BROKERS", "from-env:9092"), system);
        assertThat(s.get(BridgeSettings.CEC_BASE_URL)).isEqualTo("https://cec.example.com");
        assertThat(s.get(BridgeSettings.CEC_CHANNEL_CONFIG_ID)).isEqualTo("12345");
        assertThat(s.get(BridgeSettings.KAFKA_BROKERS)).isEqualTo("from-property:9092");
        assertThat(s.asMap()).doesNotContainKey("camel.main.name");
    }

    @Test
    void envNamesFollowCamelsMapping() {
        assertThat(BridgeSettings.envName("cec.app-secret")).isEqualTo("CEC_APP_SECRET");
        assertThat(BridgeSettings.envName("kafka.topic.chat-out")).isEqualTo("KAFKA_TOPIC_CHAT_OUT");
    }

    @Test
    void routeVariantsAreNamedPlainly() {
        assertThat(RouteVariant.parse("Kamelet")).isEqualTo(RouteVariant.KAMELET);
        assertThatThrownBy(() -> RouteVariant.parse("xml")).hasMessageContaining("java, yaml or kamelet");
    }
}
