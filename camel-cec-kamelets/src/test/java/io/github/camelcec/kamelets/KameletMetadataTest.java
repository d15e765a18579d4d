package io.github.camelcec.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.camelcec.component.CecComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Kamelet of the jar carries the metadata of apache/camel-kamelets' catalog: the type label, the annotations,
 * every property documented, the component's secret options as credentials, and a template that uses exactly the
 * declared properties.
 */
class KameletMetadataTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\?)?([A-Za-z0-9]+)}}");
    private static final String CREDENTIALS = "urn:camel:group:credentials";
    private static final String VERSION = System.getProperty("project.version");
    private static final Set<String> SECRET_OPTIONS = new HashSet<>();

    @BeforeAll
    static void secretOptionsOfTheComponent() throws IOException {
        try (InputStream in = CecComponent.class.getResourceAsStream("/META-INF/io/github/camelcec/component/cec.json")) {
            new ObjectMapper().readTree(in).path("componentProperties").properties().forEach(e -> {
                if (e.getValue().path("secret").asBoolean()) {
                    SECRET_OPTIONS.add(e.getKey());
                }
            });
        }
        assertThat(SECRET_OPTIONS).contains("appKey", "appSecret");
        assertThat(VERSION).as("project.version from the build").isNotBlank();
    }

    static List<Path> kamelets() throws IOException, URISyntaxException {
        Path folder = Path.of(KameletMetadataTest.class.getClassLoader().getResource("kamelets").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> answer = files.filter(f -> f.toString().endsWith(".kamelet.yaml")).sorted().toList();
            assertThat(answer).extracting(f -> f.getFileName().toString())
                    .contains("cec-source.kamelet.yaml", "cec-sink.kamelet.yaml", "cec-download-media-action.kamelet.yaml");
            return answer;
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void isAKameletNamedAfterItsFileAndType(Path file) throws IOException {
        JsonNode kamelet = YAML.readTree(file.toFile());
        String name = file.getFileName().toString().replace(".kamelet.yaml", "");

        assertThat(kamelet.path("apiVersion").asText()).isEqualTo("camel.apache.org/v1");
        assertThat(kamelet.path("kind").asText()).isEqualTo("Kamelet");
        assertThat(kamelet.path("metadata").path("name").asText()).isEqualTo(name);
        String type = kamelet.path("metadata").path("labels").path("camel.apache.org/kamelet.type").asText();
        assertThat(type).isIn("source", "sink", "action");
        assertThat(name).endsWith("-" + type);
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void hasTheCatalogAnnotationsAndTheProjectVersion(Path file) throws IOException {
        JsonNode kamelet = YAML.readTree(file.toFile());
        JsonNode annotations = kamelet.path("metadata").path("annotations");

        assertThat(annotations.path("camel.apache.org/kamelet.support.level").asText()).isNotBlank();
        assertThat(annotations.path("camel.apache.org/provider").asText()).isNotBlank();
        assertThat(annotations.path("camel.apache.org/catalog.version").asText()).isEqualTo(VERSION);
        assertThat(texts(kamelet.path("spec").path("dependencies")))
                .contains("mvn:io.github.camelcec:camel-cec-component:" + VERSION);
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void documentsEveryPropertyAndMarksSecretsAsCredentials(Path file) throws IOException {
        JsonNode definition = YAML.readTree(file.toFile()).path("spec").path("definition");

        assertThat(definition.path("title").asText()).isNotBlank();
        assertThat(definition.path("description").asText()).isNotBlank();
        assertThat(definition.path("type").asText()).isEqualTo("object");
        JsonNode properties = definition.path("properties");
        assertThat(properties.size()).isPositive();
        assertThat(texts(definition.path("required"))).allSatisfy(r -> assertThat(properties.has(r)).as(r).isTrue());
        properties.properties().forEach(e -> {
            String name = e.getKey();
            JsonNode property = e.getValue();
            assertThat(property.path("title").asText()).as(name + " title").isNotBlank();
            assertThat(property.path("description").asText()).as(name + " description").isNotBlank();
            assertThat(property.path("type").asText()).as(name + " type").isIn("string", "boolean", "integer", "number");
            if (SECRET_OPTIONS.contains(name) || "password".equals(property.path("format").asText())) {
                assertThat(property.path("format").asText()).as(name + " format").isEqualTo("password");
                assertThat(texts(property.path("x-descriptors"))).as(name + " x-descriptors").contains(CREDENTIALS);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void itsTemplateUsesExactlyTheDeclaredProperties(Path file) throws IOException {
        JsonNode kamelet = YAML.readTree(file.toFile());
        JsonNode definition = kamelet.path("spec").path("definition");
        Set<String> used = new HashSet<>();
        Set<String> usedAsRequired = new HashSet<>();
        Matcher placeholders = PLACEHOLDER.matcher(kamelet.path("spec").path("template").toString());
        while (placeholders.find()) {
            used.add(placeholders.group(2));
            if (placeholders.group(1) == null) {
                usedAsRequired.add(placeholders.group(2));
            }
        }
        List<String> declared = new ArrayList<>();
        definition.path("properties").fieldNames().forEachRemaining(declared::add);

        assertThat(used).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(usedAsRequired).containsAll(texts(definition.path("required")));
        // a {{?optional}} placeholder without a default is left out of the URI when not given
        declared.stream().filter(p -> !usedAsRequired.contains(p))
                .forEach(p -> assertThat(texts(definition.path("required"))).doesNotContain(p));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
