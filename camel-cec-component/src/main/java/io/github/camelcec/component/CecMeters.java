package io.github.camelcec.component;

import java.util.Map;

import org.apache.camel.CamelContext;

/**
 * Micrometer meters for {@link CecFigures}, when micrometer-core is on the classpath (an optional dependency) and a
 * {@code MeterRegistry} is in the Camel registry. Only {@link MicrometerFigures} names Micrometer's types, and it is
 * loaded only when micrometer-core is there, so the component runs without it.
 */
final class CecMeters {

    private static final boolean MICROMETER_PRESENT = isPresent("io.micrometer.core.instrument.MeterRegistry");

    private CecMeters() {
    }

    /** Registers a meter per figure of {@code source}, tagged with {@code tags}; closing removes them again. */
    static <T> AutoCloseable bind(CamelContext context, CecFigures.Scope<T> scope, T source, Map<String, String> tags) {
        if (!MICROMETER_PRESENT) {
            return () -> {
            };
        }
        return MicrometerFigures.bind(context, scope, source, tags);
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, CecMeters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
