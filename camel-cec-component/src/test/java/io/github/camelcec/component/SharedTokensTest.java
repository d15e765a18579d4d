package io.github.camelcec.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.simulator.CecOperation;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One gateway token and one customer-token cache per component, whatever endpoints the routes use. */
class SharedTokensTest extends CecRouteTestSupport {

    @Test
    void sendAndPollEndpointsShareTheTokens() {
        ok(call("cec:send?userId=shared", "hello", Map.of()));
        ok(call("cec:poll?userId=shared&throwExceptionOnFailure=false", null, Map.of()));
        ok(call("cec:queueInfo?autoConnect=false&throwExceptionOnFailure=false", null, "shared"));

        assertThat(sim().journal().count(CecOperation.TOKEN_BY_AKSK)).isEqualTo(1);
        assertThat(sim().journal().count(CecOperation.APPLY_TOKEN)).isEqualTo(1);
        assertThat(sim().journal().count(CecOperation.POLL)).isEqualTo(1);
    }

    @Test
    void endpointsWithOtherTransportSettingsStillShareTheTokens() {
        ok(call("cec:send", "hello", "mixed"));
        ok(call("cec:clickToCallSupport?responseTimeout=5000&operationPath=/apiaccess/ccmessaging/checkClickToCallSupport",
                null, "mixed"));
        ok(call("cec:send?connectTimeout=3000", "again", "mixed"));

        assertThat(sim().journal().count(CecOperation.TOKEN_BY_AKSK)).isEqualTo(1);
        assertThat(sim().journal().count(CecOperation.APPLY_TOKEN)).isEqualTo(1);
        assertThat(sim().journal().entries()).allSatisfy(e -> assertThat(e.httpStatus()).isEqualTo(200));
    }

    @Test
    void endpointsWithTheirOwnLocaleApplyWithIt() throws Exception {
        ok(call("cec:send?locale=zh", "你好", "locale-zh"));
        ok(call("cec:send?locale=en", "hello", "locale-en"));

        List<JsonNode> applies = received(CecOperation.APPLY_TOKEN);
        assertThat(applies).extracting(a -> a.get("userId").asText() + "=" + a.get("locale").asText())
                .containsExactlyInAnyOrder("locale-zh=zh", "locale-en=en");
        assertThat(sim().journal().count(CecOperation.TOKEN_BY_AKSK)).as("still one app token").isEqualTo(1);
    }

    @Test
    void everyEndpointWorksAfterTheContextStopsAndStartsAgain() {
        ok(call("cec:send", "before", "restart"));
        ok(call("cec:queueInfo?throwExceptionOnFailure=false", null, "restart"));

        context.stop();
        // a stopped DefaultCamelContext forgets the components and beans it was handed; give the same (stopped)
        // component back, as an application that configures it in code would
        context.addComponent("cec", component);
        context.start();
        template = context.createProducerTemplate();

        ok(call("cec:send", "after", "restart"));
        ok(call("cec:queueInfo?throwExceptionOnFailure=false", null, "restart"));
        assertThat(received(CecOperation.SEND)).extracting(m -> m.get("content").asText()).contains("before", "after");
    }

    @Test
    void anEndpointHeldAcrossItsComponentsRestartGetsAWorkingConnection() throws Exception {
        CecEndpoint held = context.getEndpoint("cec:send?userId=held", CecEndpoint.class);
        ok(call("cec:send?userId=held", "first", Map.of()));

        component.stop();
        component.start();

        assertThat(held.getConnection().isClosed()).isFalse();
        ok(call("cec:send?userId=held", "second", Map.of()));
    }

    @Test
    void aMissingRequiredOptionFailsTheEndpointsStartNamingIt() {
        component.getConfiguration().setChannelConfigId(null);
        assertThatThrownBy(() -> context.getEndpoint("cec:send?userId=x"))
                .hasMessageContaining("channelConfigId").hasMessageContaining("camel.component.cec.channel-config-id");
    }

    @Test
    void theRouteContinuesOnACamelThreadNotOnHttpClientsIoThreads() {
        Exchange exchange = call("cec:send", "which thread?", "threads");
        ok(exchange);
        String thread = exchange.getMessage().getHeader("continuedOn", String.class);
        assertThat(thread).isNotNull().doesNotContain("httpclient").contains("CecProducer");
    }

    @Test
    void synchronousProducerGoesOnOnTheCallingThread() {
        Exchange exchange = call("cec:send?synchronous=true", "which thread?", "threads-sync");
        ok(exchange);
        assertThat(exchange.getMessage().getHeader("continuedOn", String.class))
                .isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void concurrentSendsAndPollsOfANewCustomerApplyOnce() {
        // create both routes with another customer, so the concurrent calls below meet only warm routes
        ok(call("cec:send", "warm up", "warm"));
        ok(call("cec:poll", null, "warm"));
        sim().journal().clear();

        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(template.asyncSend("direct:route-1", e -> {
                e.getMessage().setBody("text");
                e.getMessage().setHeader(CecConstants.USER_ID, "crowd");
            }));
            calls.add(template.asyncSend("direct:route-2",
                    e -> e.getMessage().setHeader(CecConstants.USER_ID, "crowd")));
        }
        calls.forEach(f -> ok(f.join()));

        assertThat(sim().journal().count(CecOperation.APPLY_TOKEN)).isEqualTo(1);
        assertThat(sim().journal().count(CecOperation.TOKEN_BY_AKSK)).isZero();
        assertThat(sim().journal().count(CecOperation.SEND)).as("one CONNECT and ten messages").isEqualTo(11);
        assertThat(sim().journal().count(CecOperation.POLL)).isEqualTo(10);
        assertThat(sim().journal().entries()).allSatisfy(e -> assertThat(e.httpStatus()).isEqualTo(200));
    }
}
