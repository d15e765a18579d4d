package io.github.camelcec.demo;

import io.github.camelcec.examples.routes.RouteVariant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoOptionsTest {

    @Test
    void noArgumentsPlayTwentyCustomersOnTheJavaRoutes() {
        assertThat(DemoOptions.parse()).isEqualTo(new DemoOptions(20, RouteVariant.JAVA, 1, false));
    }

    @Test
    void everyOptionIsRead() {
        assertThat(DemoOptions.parse("--customers", "50", "--routes", "kamelet", "--bridge"))
                .isEqualTo(new DemoOptions(50, RouteVariant.KAMELET, 1, true));
        assertThat(DemoOptions.parse("--replicas", "2")).isEqualTo(new DemoOptions(20, RouteVariant.JAVA, 2, false));
    }

    @Test
    void badValuesAreRefusedWithTheOptionAndTheValue() {
        assertThatThrownBy(() -> DemoOptions.parse("--customers", "0"))
                .hasMessage("--customers must be a positive number, not '0'");
        assertThatThrownBy(() -> DemoOptions.parse("--customers", "many")).hasMessageContaining("'many'");
        assertThatThrownBy(() -> DemoOptions.parse("--routes", "xml")).hasMessageContaining("'xml'");
        assertThatThrownBy(() -> DemoOptions.parse("--routes")).hasMessageStartingWith("--routes needs a value");
        assertThatThrownBy(() -> DemoOptions.parse("--demo")).hasMessageStartingWith("Unknown argument '--demo'");
        assertThatThrownBy(() -> DemoOptions.parse("--replicas", "0"))
                .hasMessage("--replicas must be a positive number, not '0'");
        assertThatThrownBy(() -> DemoOptions.parse("--replicas", "2", "--bridge"))
                .hasMessageStartingWith("--replicas plays customers through replicas that stop");
    }
}
