package io.github.camelcec.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcec.component.CecComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata the build generated covers every component option of the component's cec.json, with its type,
 * default and description; secret and required options are the ones cec.json marks.
 */
class GeneratedMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode componentOptions;
    private static Map<String, JsonNode> metadata;
    private static Map<String, JsonNode> hints;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = CecComponent.class.getResourceAsStream("/META-INF/io/github/camelcec/component/cec.json")) {
            componentOptions = JSON.readTree(in).path("componentProperties");
        }
        URL classes = CecComponentConfiguration.class.getProtectionDomain().getCodeSource().getLocation();
        JsonNode starter = JSON.readTree(new URL(classes, "META-INF/spring-configuration-metadata.json"));
        metadata = byName(starter.path("properties"));
        hints = byName(starter.path("hints"));
    }

    @Test
    void everyComponentOptionIsAPropertyWithTypeDefaultAndDescription() {
        assertThat(componentOptions.size()).isGreaterThan(10);
        componentOptions.properties().forEach(e -> {
            String property = "camel.component.cec." + kebab(e.getKey());
            JsonNode option = e.getValue();
            assertThat(metadata).as(property).containsKey(property);
            JsonNode entry = metadata.get(property);
            assertThat(entry.path("type").asText()).as(property).isEqualTo(boxed(option.path("javaType").asText()));
            assertThat(entry.path("description").asText()).as(property).isNotBlank();
            if (option.has("defaultValue")) {
                assertThat(entry.path("defaultValue").asText()).as(property)
                        .isEqualTo(option.path("defaultValue").asText());
            }
            if (option.has("enum")) {
                assertThat(hints).as(property).containsKey(property);
                assertThat(hints.get(property).path("values").findValuesAsText("value")).as(property)
                        .containsExactlyElementsOf(texts(option.path("enum")));
            }
        });
    }

    @Test
    void theSwitchAndTheCustomizerAreDocumentedToo() {
        assertThat(metadata).containsKeys("camel.component.cec.enabled", "camel.component.cec.customizer.enabled");
    }

    @Test
    void secretAndRequiredOptionsAreTheOnesCecJsonMarks() {
        assertThat(CecComponentConfiguration.SECRET_OPTIONS)
                .containsExactlyInAnyOrderElementsOf(marked("secret"))
                .contains("appKey", "appSecret");
        assertThat(CecComponentConfiguration.REQUIRED_OPTIONS)
                .containsExactlyInAnyOrderElementsOf(marked("required"))
                .contains("baseUrl");
    }

    private static List<String> marked(String flag) {
        List<String> names = new ArrayList<>();
        componentOptions.properties().forEach(e -> {
            if (e.getValue().path(flag).asBoolean()) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Map<String, JsonNode> byName(JsonNode entries) {
        Map<String, JsonNode> answer = new HashMap<>();
        entries.forEach(entry -> answer.put(entry.path("name").asText(), entry));
        return answer;
    }

    private static String boxed(String javaType) {
        return switch (javaType) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            case "double" -> "java.lang.Double";
            default -> javaType;
        };
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
