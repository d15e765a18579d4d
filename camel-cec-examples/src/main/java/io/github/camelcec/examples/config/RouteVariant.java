package io.github.camelcec.examples.config;

import java.util.Locale;

/** Which definition of routes 1 and 2 (Kafka to CEC, CEC to Kafka) the bridge runs; the others are Java always. */
public enum RouteVariant {
    /** Java DSL, with ratings and the after-hours leave-message path. */
    JAVA(null),
    /** YAML DSL: {@code routes/cec-bridge.camel.yaml}. */
    YAML("classpath:routes/cec-bridge.camel.yaml"),
    /** The {@code cec-source} and {@code cec-sink} Kamelets: {@code routes/cec-bridge-kamelets.camel.yaml}. */
    KAMELET("classpath:routes/cec-bridge-kamelets.camel.yaml");

    private final String routesLocation;

    RouteVariant(String routesLocation) {
        this.routesLocation = routesLocation;
    }

    public String routesLocation() {
        return routesLocation;
    }

    /** Whether routes 1 and 2 understand ratings (and so raise low-rating tickets). */
    public boolean handlesRatings() {
        return this == JAVA;
    }

    public static RouteVariant parse(String value) {
        if (value == null || value.isBlank()) {
            return JAVA;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bridge.routes must be java, yaml or kamelet, not '" + value + "'", e);
        }
    }
}
