package io.github.camelcec.component;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A cec: producer's readiness: UP when CEC accepts the app's credentials, DOWN with the HTTP status when not. */
class ProducerHealthCheckTest extends CecRouteTestSupport {

    @Override
    protected void addRoutes(CamelContext context) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good").to("cec:send?userId=healthy").id("good");
                from("direct:bad").to("cec:send?userId=healthy&appSecret=wrong-secret").id("bad");
            }
        });
    }

    private List<HealthCheck.Result> cecProducerChecks() {
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        assertThat(producers).as("camel-health's producers repository").isNotNull();
        // producer checks are off by default in Camel (camel.health.producersEnabled)
        producers.setEnabled(true);
        // HealthCheckHelper.invoke(context) reports only the failing checks at its default exposure level
        return producers.stream().filter(c -> c.getId().startsWith("producer:cec")).map(HealthCheck::call).toList();
    }

    @Test
    void upWithGoodCredentialsAndDownWithTheHttpStatusWithABadSecret() {
        List<HealthCheck.Result> checks = cecProducerChecks();

        assertThat(checks).hasSize(2);
        assertThat(checks).filteredOn(r -> r.getState() == HealthCheck.State.UP).singleElement()
                .satisfies(r -> assertThat(r.getDetails()).containsEntry("baseUrl", sim().baseUrl()));
        assertThat(checks).filteredOn(r -> r.getState() == HealthCheck.State.DOWN).singleElement().satisfies(r -> {
            assertThat(r.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
            assertThat(r.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("401").doesNotContain("wrong-secret"));
        });
    }

    @Test
    void upCostsNoRequestWhileTheGatewayTokenLives() {
        cecProducerChecks();
        long tokenRequests = sim().journal().total();
        cecProducerChecks();
        cecProducerChecks();
        // only the bad endpoint asks again: it never got a token
        assertThat(sim().journal().total()).isEqualTo(tokenRequests + 2);
    }
}
