package io.github.camelcec.component;

import io.github.camelcec.component.client.CecException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * Predicates on the {@link CecException} a failed exchange carries, for {@code onException(...).onWhen(...)}:
 * <pre>
 * onException(CecException.class).onWhen(CecPredicates.transientFailure())
 *     .maximumRedeliveries(-1).redeliveryDelay(1000).backOffMultiplier(2).useExponentialBackOff()
 *     .maximumRedeliveryDelay(60_000);
 * </pre>
 * In the YAML or XML DSL the same test is {@code simple: "${exception.transient}"}.
 */
public final class CecPredicates {

    private static final Predicate TRANSIENT = exchange -> {
        CecException failure = failure(exchange);
        return failure != null && failure.isTransient();
    };

    private static final Predicate PERMANENT = exchange -> {
        CecException failure = failure(exchange);
        return failure != null && !failure.isTransient();
    };

    private CecPredicates() {
    }

    /**
     * True when the exchange failed with a CEC failure that may pass if retried later
     * ({@link CecException#isTransient()}).
     */
    public static Predicate transientFailure() {
        return TRANSIENT;
    }

    /** True when the exchange failed with a CEC failure that retrying cannot fix. */
    public static Predicate permanentFailure() {
        return PERMANENT;
    }

    /**
     * The CEC failure of the exchange, found in the cause chain of its exception or, inside an error handler, of the
     * caught one; null when there is none. Not {@link Exchange#getException(Class)}: it looks at suppressed exceptions
     * first, and after a redelivery those are the earlier failures, not this one.
     */
    public static CecException failure(Exchange exchange) {
        Throwable failure = exchange.getException();
        if (failure == null) {
            failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CecException cec) {
                return cec;
            }
        }
        return null;
    }
}
