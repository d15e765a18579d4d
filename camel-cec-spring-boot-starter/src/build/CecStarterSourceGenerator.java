import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Build step of the starter (exec-maven-plugin, generate-sources; run as a single-file Java program): reads the
 * component's catalog entry, cec.json, and writes
 * <ul>
 * <li>{@code CecComponentConfiguration}: one property per component option under {@code camel.component.cec}, whose
 * Javadoc and initializers spring-boot-configuration-processor turns into spring-configuration-metadata.json;</li>
 * <li>{@code CecComponentConverter}: turns {@code #bean:name} / {@code #name} into the bean for object options, as
 * camel-spring-boot's generated converters do;</li>
 * <li>{@code META-INF/additional-spring-configuration-metadata.json} in the class output: the value hints of enum
 * options, which the processor merges into the metadata.</li>
 * </ul>
 * Arguments: the cec.json path, the generated-sources folder, the class output folder.
 */
public final class CecStarterSourceGenerator {

    private static final String PACKAGE = "io.github.camelcec.springboot";
    private static final String PREFIX = "camel.component.cec";
    private static final Set<String> PRIMITIVES = Set.of("boolean", "int", "long", "double", "float", "short", "byte",
            "char");

    private final JsonNode component;
    private final Map<String, JsonNode> options = new LinkedHashMap<>();

    private CecStarterSourceGenerator(JsonNode catalog) {
        this.component = catalog.path("component");
        catalog.path("componentProperties").properties().forEach(e -> options.put(e.getKey(), e.getValue()));
        if (options.isEmpty()) {
            throw new IllegalArgumentException("cec.json has no componentProperties");
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: CecStarterSourceGenerator <cec.json> <sources dir> <classes dir>");
        }
        CecStarterSourceGenerator generator = new CecStarterSourceGenerator(new ObjectMapper().readTree(Path.of(args[0]).toFile()));
        Path packageDir = Path.of(args[1]).resolve(PACKAGE.replace('.', '/'));
        write(packageDir.resolve("CecComponentConfiguration.java"), generator.configurationClass());
        write(packageDir.resolve("CecComponentConverter.java"), generator.converterClass());
        write(Path.of(args[2]).resolve("META-INF/additional-spring-configuration-metadata.json"), generator.hints());
    }

    private String configurationClass() {
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        List<String> secrets = new ArrayList<>();
        List<String> required = new ArrayList<>();
        // documents the inherited enabled switch for the metadata, as camel-spring-boot's starters do
        fields.append(javadoc("Whether to enable auto configuration of the cec component. This is enabled by default."))
              .append("    @SuppressWarnings(\"unused\")\n    private Boolean enabled;\n\n");
        for (Map.Entry<String, JsonNode> e : options.entrySet()) {
            String name = e.getKey();
            JsonNode option = e.getValue();
            String type = propertyType(option);
            if (option.path("secret").asBoolean()) {
                secrets.add(name);
            }
            if (option.path("required").asBoolean()) {
                required.add(name);
            }
            fields.append(javadoc(description(option)));
            if (option.path("deprecated").asBoolean()) {
                fields.append("    @Deprecated\n");
            }
            fields.append("    private ").append(type).append(' ').append(name).append(initializer(option, type))
                  .append(";\n\n");
            String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            if (option.path("deprecated").asBoolean()) {
                accessors.append("    @Deprecated\n    @DeprecatedConfigurationProperty\n");
            }
            accessors.append("    public ").append(type).append(" get").append(capitalized).append("() {\n")
                     .append("        return ").append(name).append(";\n    }\n\n")
                     .append("    public void set").append(capitalized).append('(').append(type).append(' ')
                     .append(name).append(") {\n        this.").append(name).append(" = ").append(name)
                     .append(";\n    }\n\n");
        }
        boolean anyDeprecated = options.values().stream().anyMatch(o -> o.path("deprecated").asBoolean());
        return "package " + PACKAGE + ";\n\n"
               + "import java.util.List;\n\n"
               + "import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n"
               + "import org.springframework.boot.context.properties.ConfigurationProperties;\n"
               + (anyDeprecated ? "import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;\n" : "")
               + "\n"
               + "/**\n * " + escape(component.path("description").asText()) + "\n *\n"
               + " * Generated from the component's cec.json by src/build/CecStarterSourceGenerator.java - do not edit.\n"
               + " * Unknown camel.component.cec.* properties fail the binding instead of being ignored.\n */\n"
               + "@ConfigurationProperties(prefix = \"" + PREFIX + "\", ignoreUnknownFields = false)\n"
               + "public class CecComponentConfiguration extends ComponentConfigurationPropertiesCommon {\n\n"
               + "    /** The options marked secret in the component's metadata, masked by actuator's endpoints. */\n"
               + "    static final List<String> SECRET_OPTIONS = List.of(" + quoteAll(secrets) + ");\n\n"
               + "    /** The options every cec endpoint needs, checked when Camel starts. */\n"
               + "    static final List<String> REQUIRED_OPTIONS = List.of(" + quoteAll(required) + ");\n\n"
               + fields
               + accessors.toString().stripTrailing() + "\n}\n";
    }

    private String converterClass() {
        StringBuilder pairs = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        for (JsonNode option : options.values()) {
            if (isBeanReference(option)) {
                String type = javaType(option);
                pairs.append("        answer.add(new ConvertiblePair(String.class, ").append(type).append(".class));\n");
                cases.append("            case \"").append(type).append("\": return applicationContext.getBean(ref, ")
                     .append(type).append(".class);\n");
            }
        }
        return "package " + PACKAGE + ";\n\n"
               + "import java.util.LinkedHashSet;\n"
               + "import java.util.Set;\n\n"
               + "import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;\n"
               + "import org.springframework.context.ApplicationContext;\n"
               + "import org.springframework.context.annotation.Configuration;\n"
               + "import org.springframework.context.annotation.Lazy;\n"
               + "import org.springframework.core.convert.TypeDescriptor;\n"
               + "import org.springframework.core.convert.converter.GenericConverter;\n\n"
               + "/**\n * Binds object options of camel.component.cec.* given as a bean reference, #bean:name or #name.\n *\n"
               + " * Generated from the component's cec.json by src/build/CecStarterSourceGenerator.java - do not edit.\n */\n"
               + "@Configuration(proxyBeanMethods = false)\n"
               + "@ConfigurationPropertiesBinding\n"
               + "public class CecComponentConverter implements GenericConverter {\n\n"
               + "    private final ApplicationContext applicationContext;\n\n"
               + "    public CecComponentConverter(@Lazy ApplicationContext applicationContext) {\n"
               + "        this.applicationContext = applicationContext;\n    }\n\n"
               + "    @Override\n"
               + "    public Set<ConvertiblePair> getConvertibleTypes() {\n"
               + "        Set<ConvertiblePair> answer = new LinkedHashSet<>();\n"
               + pairs
               + "        return answer;\n    }\n\n"
               + "    @Override\n"
               + "    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {\n"
               + "        if (source == null) {\n            return null;\n        }\n"
               + "        String ref = source.toString();\n"
               + "        if (!ref.startsWith(\"#\")) {\n            return null;\n        }\n"
               + "        ref = ref.startsWith(\"#bean:\") ? ref.substring(6) : ref.substring(1);\n"
               + "        switch (targetType.getName()) {\n"
               + cases
               + "            default: return null;\n"
               + "        }\n    }\n}\n";
    }

    /**
     * Spring Boot's configuration processor leaves out properties of some types (its TypeExcludeFilter: a
     * DataSource, among others); their metadata is written here, beside the enum hints.
     */
    private static final Set<String> EXCLUDED_BY_THE_PROCESSOR = Set.of("javax.sql.DataSource");

    private String hints() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode properties = root.putArray("properties");
        options.forEach((name, option) -> {
            if (EXCLUDED_BY_THE_PROCESSOR.contains(javaType(option))) {
                ObjectNode property = properties.addObject();
                property.put("name", PREFIX + "." + kebab(name));
                property.put("type", javaType(option));
                property.put("description", description(option));
                property.put("sourceType", PACKAGE + ".CecComponentConfiguration");
            }
        });
        ArrayNode hints = root.putArray("hints");
        options.forEach((name, option) -> {
            if (option.has("enum")) {
                ObjectNode hint = hints.addObject();
                hint.put("name", PREFIX + "." + kebab(name));
                ArrayNode values = hint.putArray("values");
                option.path("enum").forEach(v -> values.addObject().put("value", v.asText()));
            }
        });
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static boolean isBeanReference(JsonNode option) {
        String type = javaType(option);
        return "object".equals(option.path("type").asText()) && !PRIMITIVES.contains(type)
               && !type.startsWith("java.lang.") && !type.contains("<");
    }

    private static String propertyType(JsonNode option) {
        String type = javaType(option);
        return switch (type) {
            case "boolean" -> "Boolean";
            case "int" -> "Integer";
            case "long" -> "Long";
            case "double" -> "Double";
            case "float" -> "Float";
            case "short" -> "Short";
            case "byte" -> "Byte";
            case "char" -> "Character";
            default -> type.startsWith("java.lang.") && !type.substring(10).contains(".") ? type.substring(10) : type;
        };
    }

    private static String javaType(JsonNode option) {
        return option.path("javaType").asText().replace('$', '.');
    }

    private static String initializer(JsonNode option, String type) {
        JsonNode value = option.get("defaultValue");
        if (value == null || value.isNull()) {
            return "";
        }
        String text = value.asText();
        return switch (type) {
            case "String" -> " = \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case "Boolean", "Integer", "Double" -> " = " + text;
            case "Long" -> " = " + text + "L";
            case "Float" -> " = " + text + "F";
            default -> option.has("enum") ? " = " + type + "." + text : "";
        };
    }

    private static String description(JsonNode option) {
        String text = option.path("description").asText().strip();
        if (isBeanReference(option)) {
            text += " The option is a " + javaType(option) + " type, given as a bean reference (#bean:name).";
        }
        return text;
    }

    private static String javadoc(String text) {
        return "    /**\n     * " + escape(text).replace("\n", "\n     * ") + "\n     */\n";
    }

    private static String escape(String text) {
        return text.replace("*/", "*&#47;").replace("@", "{@literal @}");
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String quoteAll(List<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
