package io.github.camelcec.component.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.camelcec.component.client.CecHttpException;
import io.github.camelcec.component.connection.CecConnection;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a {@code cec:} producer: CEC is reachable and accepts the app's credentials. Uses the cached gateway
 * token, so a check costs no request while the token lives.
 */
public class CecProducerHealthCheck extends AbstractHealthCheck {

    private static final long TIMEOUT_SECONDS = 10;

    private final String baseUrl;
    private final Supplier<CecConnection> connection;

    public CecProducerHealthCheck(String id, String baseUrl, Supplier<CecConnection> connection) {
        super("camel", "producer:cec-" + id);
        this.baseUrl = baseUrl;
        this.connection = connection;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("baseUrl", baseUrl);
        try {
            connection.get().verifyGatewayAccess().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            builder.up();
        } catch (Exception e) {
            Throwable cause = CecConnection.unwrap(e);
            if (cause instanceof CecHttpException http) {
                builder.detail(HTTP_RESPONSE_CODE, http.getStatusCode());
            }
            builder.message(cause.getMessage());
            builder.error(cause);
            builder.down();
        }
    }
}
