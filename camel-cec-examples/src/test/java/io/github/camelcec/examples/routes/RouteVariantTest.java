package io.github.camelcec.examples.routes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteVariantTest {

    @Test
    void variantsAreNamedAsTheirRoutesFolder() {
        assertThat(RouteVariant.parse("kamelet")).isEqualTo(RouteVariant.KAMELET);
        assertThat(RouteVariant.parse("yaml").folderName()).isEqualTo("yaml");
        assertThat(RouteVariant.parse("")).isEqualTo(RouteVariant.JAVA);
    }

    @Test
    void anUnknownVariantIsRefusedWithTheKeyTheChoicesAndTheValue() {
        assertThatThrownBy(() -> RouteVariant.parse("xml"))
                .hasMessageContaining("bridge.routes")
                .hasMessageContaining("java, yaml or kamelet")
                .hasMessageContaining("'xml'");
        // routes/YAML/ is not routes/yaml/: a near miss must not silently run without routes 1 and 2
        assertThatThrownBy(() -> RouteVariant.parse("YAML")).hasMessageContaining("'YAML'");
    }
}
