package io.github.camelcec.demo;

import org.apache.camel.spi.PropertiesFunction;

/**
 * Camel's {@code {{env:NAME:default}}} function for a bridge that must not read the process environment: every
 * variable counts as unset, so the placeholder is its default (and one without a default is missing).
 */
final class DefaultsOnlyEnvFunction implements PropertiesFunction {

    @Override
    public String getName() {
        return "env";
    }

    @Override
    public String apply(String remainder) {
        int colon = remainder.indexOf(':');
        return colon < 0 ? null : remainder.substring(colon + 1);
    }
}
