package io.github.camelcec.component;

import java.net.ConnectException;

import io.github.camelcec.component.client.CecHttpException;
import io.github.camelcec.component.client.CecTransportException;
import io.github.camelcec.component.client.CecValidationException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The predicates find the CEC failure wherever Camel keeps it (on the exchange, or caught by an error handler, or as
 * the cause of another exception), and {@code ${exception.transient}} says the same in the simple language.
 */
class CecPredicatesTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    @Test
    void aFailureOnTheExchange() {
        Exchange outage = failedWith(new CecHttpException("send", 503, "unavailable"));
        assertThat(matches(CecPredicates.transientFailure(), outage)).isTrue();
        assertThat(matches(CecPredicates.permanentFailure(), outage)).isFalse();

        Exchange invalid = failedWith(new CecValidationException("send", "userId", "is required", null));
        assertThat(matches(CecPredicates.transientFailure(), invalid)).isFalse();
        assertThat(matches(CecPredicates.permanentFailure(), invalid)).isTrue();
    }

    @Test
    void aFailureCaughtByTheErrorHandler() {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT,
                new CecTransportException("send", new ConnectException("Connection refused")));
        assertThat(matches(CecPredicates.transientFailure(), exchange)).isTrue();
        assertThat(CecPredicates.failure(exchange)).isInstanceOf(CecTransportException.class);
    }

    @Test
    void aFailureWrappedInAnother() {
        Exchange exchange = failedWith(new RuntimeCamelException(new CecHttpException("send", 429, "slow down")));
        assertThat(matches(CecPredicates.transientFailure(), exchange)).isTrue();
    }

    @Test
    void theFailureThatEndedTheLastAttemptCountsNotAnEarlierOne() {
        // Camel adds the failure of the previous attempt to the new one as suppressed
        CecValidationException now = new CecValidationException("send", "from", "must be 1 to 32 characters", "x");
        now.addSuppressed(new CecHttpException("send", 503, "unavailable"));
        Exchange exchange = failedWith(now);
        assertThat(matches(CecPredicates.transientFailure(), exchange)).isFalse();
        assertThat(matches(CecPredicates.permanentFailure(), exchange)).isTrue();
    }

    @Test
    void neitherWithoutACecFailure() {
        Exchange ok = new DefaultExchange(context);
        Exchange other = failedWith(new IllegalStateException("not CEC"));
        for (Exchange exchange : new Exchange[] {ok, other}) {
            assertThat(matches(CecPredicates.transientFailure(), exchange)).isFalse();
            assertThat(matches(CecPredicates.permanentFailure(), exchange)).isFalse();
            assertThat(CecPredicates.failure(exchange)).isNull();
        }
    }

    @Test
    void theSimpleLanguageReadsTheSameProperty() {
        Predicate isTransient = context.resolveLanguage("simple").createPredicate("${exception.transient}");
        assertThat(isTransient.matches(failedWith(new CecHttpException("send", 503, "unavailable")))).isTrue();
        assertThat(isTransient.matches(failedWith(new CecHttpException("send", 400, "bad request")))).isFalse();
        Exchange caught = new DefaultExchange(context);
        caught.setProperty(Exchange.EXCEPTION_CAUGHT,
                new CecTransportException("send", new ConnectException("Connection refused")));
        assertThat(isTransient.matches(caught)).isTrue();
    }

    private Exchange failedWith(Exception e) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setException(e);
        return exchange;
    }

    private static boolean matches(Predicate predicate, Exchange exchange) {
        return predicate.matches(exchange);
    }
}
