package io.github.camelcec.component;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** product.md §2: neither the appSecret, the appKey nor the proxy password shows in an endpoint's toString, its URI or a failure. */
class SecretMaskingTest extends CecRouteTestSupport {

    private static final String SECRET = "s3cr3t-Value-42";

    @Test
    void endpointUriMasksTheAppSecret() {
        Endpoint endpoint = context.getEndpoint("cec:send?appKey=my-app-key-7&appSecret=" + SECRET + "&userId=u1");

        assertThat(endpoint.toString()).doesNotContain(SECRET).contains("cec://send");
        assertThat(endpoint.toString()).as("appKey is secret too").doesNotContain("my-app-key-7");
        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(SECRET);
        assertThat(endpoint.getEndpointUri()).as("the URI as routes, JMX and logs print it")
                .doesNotContain(SECRET).doesNotContain("my-app-key-7").startsWith("cec://send?");
        assertThat(((CecEndpoint) endpoint).getConfiguration().toString()).doesNotContain(SECRET);
        assertThat(((CecEndpoint) endpoint).getConfiguration().getAppSecret()).isEqualTo(SECRET);
    }

    @Test
    void endpointUriAndConfigurationMaskTheProxyPassword() {
        Endpoint endpoint = context.getEndpoint("cec:send?proxyHost=127.0.0.1&proxyPort=3128&proxyAuthUsername=pu"
                                                + "&proxyAuthPassword=" + SECRET + "&userId=u1");

        assertThat(endpoint.toString()).doesNotContain(SECRET);
        assertThat(endpoint.getEndpointUri()).doesNotContain(SECRET);
        assertThat(((CecEndpoint) endpoint).getConfiguration().toString()).doesNotContain(SECRET)
                .contains("proxy=127.0.0.1:3128");
        assertThat(((CecEndpoint) endpoint).getConfiguration().getProxyAuthPassword()).isEqualTo(SECRET);
    }

    @Test
    void endpointsDifferingOnlyInASecretStayApart() {
        Endpoint one = context.getEndpoint("cec:send?appKey=key-one&userId=u1");
        Endpoint two = context.getEndpoint("cec:send?appKey=key-two&userId=u1");

        assertThat(one).isNotSameAs(two);
        assertThat(((CecEndpoint) one).getConfiguration().getAppKey()).isEqualTo("key-one");
        assertThat(((CecEndpoint) two).getConfiguration().getAppKey()).isEqualTo("key-two");
    }

    @Test
    void routeEndpointsAndTheirFailuresDoNotShowTheSecret() {
        Exchange exchange = call("cec:send?appSecret=" + SECRET, "hi", Map.of(CecConstants.USER_ID, "masked"));

        assertThat(exchange.getException()).isNotNull();
        assertThat(exchange.getException().toString()).doesNotContain(SECRET);
        assertThat(context.getRoutes()).allSatisfy(route -> {
            assertThat(route.getEndpoint().toString()).doesNotContain(SECRET);
            assertThat(route.getEndpoint().getEndpointUri()).doesNotContain(SECRET);
            assertThat(route.toString()).doesNotContain(SECRET);
        });
        assertThat(context.getEndpoints()).allSatisfy(e -> assertThat(e.toString()).doesNotContain(SECRET));
    }
}
