package io.github.camelcec.springboot;

import io.github.camelcec.component.CecEndpoint;
import io.github.camelcec.component.client.CecValidationException;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.PropertyConfigurerGetter;

/**
 * Fails Camel's start when a cec endpoint lacks a required option. The component itself finds out only when the
 * endpoint first talks to CEC, so without this an application with no camel.component.cec.base-url would start and
 * fail its first message instead.
 */
final class RequiredOptionsCheck implements StartupListener {

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof CecEndpoint cec) {
                check(cec);
            }
        }
    }

    private static void check(CecEndpoint endpoint) {
        PropertyConfigurerGetter options = (PropertyConfigurerGetter) endpoint.getComponent()
                .getEndpointPropertyConfigurer();
        for (String option : CecComponentConfiguration.REQUIRED_OPTIONS) {
            Object value = options.getOptionValue(endpoint, option, false);
            if (value == null || value.toString().isBlank()) {
                throw new CecValidationException("configuration", option, "is required", value);
            }
        }
    }
}
