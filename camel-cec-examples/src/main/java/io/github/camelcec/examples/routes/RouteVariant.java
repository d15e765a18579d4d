package io.github.camelcec.examples.routes;

import java.util.Locale;

/**
 * Which definition of routes 1 and 2 (Kafka to CEC, CEC to Kafka) the bridge runs, by {@code bridge.routes}; routes 3
 * and 4 are Java always.
 */
public enum RouteVariant {
    /** Java DSL ({@link CustomerToCecRoute}, {@link CecToKafkaRoute}), with ratings and the after-hours path. */
    JAVA,
    /** YAML DSL: {@code routes/yaml/cec-bridge.camel.yaml}. */
    YAML,
    /** The {@code cec-source} and {@code cec-sink} Kamelets: {@code routes/kamelet/cec-bridge.camel.yaml}. */
    KAMELET;

    /** Whether routes 1 and 2 understand ratings (and so raise low-rating tickets). */
    public boolean handlesRatings() {
        return this == JAVA;
    }

    /**
     * The variant {@code bridge.routes} names, in lower case as the {@code routes/<name>/} folder of its YAML routes;
     * empty means java.
     */
    public static RouteVariant parse(String value) {
        if (value == null || value.isBlank()) {
            return JAVA;
        }
        for (RouteVariant variant : values()) {
            if (variant.folderName().equals(value)) {
                return variant;
            }
        }
        throw new IllegalArgumentException("bridge.routes must be java, yaml or kamelet, not '" + value + "'");
    }

    /** The name in {@code bridge.routes} and the folder {@code routes/<name>/} of the YAML routes. */
    public String folderName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
