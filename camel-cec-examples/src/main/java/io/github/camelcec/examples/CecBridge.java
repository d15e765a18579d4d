package io.github.camelcec.examples;

import io.github.camelcec.examples.config.BridgeSettings;
import io.github.camelcec.examples.config.RouteVariant;
import io.github.camelcec.examples.routes.CecToKafkaRoute;
import io.github.camelcec.examples.routes.CustomerToCecRoute;
import io.github.camelcec.examples.routes.TicketRoute;
import io.github.camelcec.examples.routes.TranscriptMailRoute;
import org.apache.camel.main.Main;

/**
 * The bridge as a Camel Main application: application.properties plus the resolved {@link BridgeSettings} (as
 * override properties, so {@code {{cec.base-url}}} is the embedded simulator's address when it runs), routes 1 and 2
 * in the chosen {@link RouteVariant}, routes 3 and 4 in Java.
 */
public final class CecBridge implements AutoCloseable {

    private final Main main;

    private CecBridge(Main main) {
        this.main = main;
    }

    public static Main configure(BridgeSettings settings) {
        Main main = new Main();
        settings.asMap().forEach(main::addOverrideProperty);
        RouteVariant variant = settings.routes();
        if (variant == RouteVariant.JAVA) {
            main.configure().addRoutesBuilder(new CustomerToCecRoute());
            main.configure().addRoutesBuilder(new CecToKafkaRoute());
        } else {
            main.addOverrideProperty("camel.main.routes-include-pattern", variant.routesLocation());
        }
        main.configure().addRoutesBuilder(new TranscriptMailRoute(settings));
        main.configure().addRoutesBuilder(new TicketRoute());
        return main;
    }

    /** Starts the bridge and returns once its routes run. */
    public static CecBridge start(BridgeSettings settings) throws Exception {
        Main main = configure(settings);
        main.start();
        return new CecBridge(main);
    }

    /** Runs the bridge until the JVM is asked to stop (Ctrl-C, SIGTERM). */
    public static void runUntilStopped(BridgeSettings settings) throws Exception {
        configure(settings).run();
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }
}
