package io.github.camelcec.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.camelcec.component.CecConsumer;
import io.github.camelcec.examples.BridgeApplication;
import io.github.camelcec.examples.routes.RouteVariant;
import org.apache.camel.Route;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The example bridge ({@link BridgeApplication}: its routes and application.properties, unchanged) run in this JVM
 * with the settings given here and nothing from the process environment or the system properties: a developer who
 * exported {@code CEC_BASE_URL} or {@code KAFKA_BROKERS} for a real system still gets a demo, and tests, against the
 * embedded ones.
 */
public final class EmbeddedBridge implements AutoCloseable {

    private final Main main;

    private EmbeddedBridge(Main main) {
        this.main = main;
    }

    /**
     * Starts the bridge and returns once its routes run.
     *
     * @param properties keys of application.properties ({@code cec.base-url}, {@code kafka.brokers},
     *                   {@code bridge.routes}, ...) and their values; they win over the file
     */
    public static EmbeddedBridge start(Map<String, String> properties) throws Exception {
        Main main = configure(properties);
        main.start();
        return new EmbeddedBridge(main);
    }

    /** Runs the bridge until the JVM is asked to stop (Ctrl-C, SIGTERM). */
    public static void runUntilStopped(Map<String, String> properties) throws Exception {
        configure(properties).run();
    }

    /** The bridge's Camel Main, configured and not started. */
    static Main configure(Map<String, String> properties) {
        Main main = new Main(BridgeApplication.class);
        // Camel Main would bind CAMEL_COMPONENT_* variables and camel.* system properties to the components
        main.configure().setAutoConfigurationEnvironmentVariablesEnabled(false);
        main.configure().setAutoConfigurationSystemPropertiesEnabled(false);
        main.setPropertyPlaceholderLocations("classpath:application.properties");
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeInitialize(BaseMainSupport bridge) {
                // before any placeholder is resolved: {{cec.base-url}} would otherwise look up CEC_BASE_URL and
                // -Dcec.base-url first, and {{env:CEC_BASE_URL:...}} the variable itself
                PropertiesComponent pc = (PropertiesComponent) bridge.getCamelContext().getPropertiesComponent();
                pc.setEnvironmentVariableMode(PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_NEVER);
                pc.setSystemPropertiesMode(PropertiesComponent.SYSTEM_PROPERTIES_MODE_NEVER);
                pc.addPropertiesFunction(new DefaultsOnlyEnvFunction());
            }
        });
        properties.forEach(main::addOverrideProperty);
        return main;
    }

    /** A setting as the bridge resolved it, e.g. {@code kafka.topic.customer-in}. */
    public String property(String key) {
        return main.getCamelContext().resolvePropertyPlaceholders("{{" + key + "}}");
    }

    /**
     * The customer partitions this bridge polls as a replica ({@code [0, 3, 7]}), from its {@code cec:poll}
     * consumer; empty when it leads none, or when it is not a replica.
     */
    public List<Integer> polledPartitions() {
        for (Route route : main.getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof CecConsumer poll) {
                String led = poll.getPolledPartitions();
                String inside = led == null ? "" : led.replaceAll("[\\[\\]\\s]", "");
                return inside.isEmpty() ? List.of()
                        : Arrays.stream(inside.split(",")).map(Integer::valueOf).toList();
            }
        }
        return List.of();
    }

    public RouteVariant routes() {
        return RouteVariant.parse(property("bridge.routes"));
    }

    @Override
    public void close() {
        main.stop();
    }
}
