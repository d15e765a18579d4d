package io.github.camelcec.springboot;

import io.github.camelcec.component.client.CecValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a component option the component refused at start (a missing baseUrl, say) into Spring Boot's failure report,
 * naming the property to set in application.yml. Failures of a request's own fields are left to Camel's error
 * handling.
 */
class CecOptionFailureAnalyzer extends AbstractFailureAnalyzer<CecValidationException> {

    private static final String CONFIGURATION = "configuration";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CecValidationException cause) {
        if (!CONFIGURATION.equals(cause.getOperation())) {
            return null;
        }
        String property = "camel.component.cec." + kebab(cause.getField());
        return new FailureAnalysis(
                "The cec component could not start: its option '" + cause.getField() + "' " + cause.getRule() + ".",
                "Set " + property + " in the application's configuration (application.yml or application.properties),"
                + " or " + cause.getField() + " on the cec: endpoint URI.",
                cause);
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
