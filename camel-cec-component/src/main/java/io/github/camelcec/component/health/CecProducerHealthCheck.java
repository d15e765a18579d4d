package io.github.camelcec.component.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelcec.component.CecEndpoint;
import io.github.camelcec.component.client.CecHttpException;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a {@code cec:} producer: CEC is reachable and accepts the app's credentials. Uses the cached gateway
 * token, so a check costs no request while the token lives.
 */
public class CecProducerHealthCheck extends AbstractHealthCheck {

    private static final long TIMEOUT_SECONDS = 10;

    private final CecEndpoint endpoint;

    public CecProducerHealthCheck(CecEndpoint endpoint, String id) {
        super("camel", "producer:cec-" + id);
        this.endpoint = endpoint;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("baseUrl", endpoint.getConfiguration().getBaseUrl());
        try {
            endpoint.getClient().verifyGatewayAccess().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            builder.up();
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CecHttpException http) {
                builder.detail(HTTP_RESPONSE_CODE, http.getStatusCode());
            }
            builder.message(cause.getMessage());
            builder.error(cause);
            builder.down();
        }
    }
}
