package io.github.camelcec.component;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The component configured the way Camel Main users do: application.properties, camel.component.cec.*. */
class CamelMainConfigurationTest {

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    @TempDir
    Path dir;

    @Test
    void applicationPropertiesConfigureTheComponentAndARouteSends(CecSimulator sim) throws Exception {
        Path properties = dir.resolve("application.properties");
        Files.writeString(properties, String.join("\n",
                "camel.component.cec.base-url=" + sim.baseUrl(),
                "camel.component.cec.app-key=" + sim.appKey(),
                "camel.component.cec.app-secret=" + sim.appSecret(),
                "camel.component.cec.channel-config-id=" + sim.channelConfigId(),
                "camel.component.cec.locale=zh",
                "camel.component.cec.gateway-token-ttl=900",
                "camel.component.cec.user-name=Web Visitor",
                "chat.user=main-user",
                ""));

        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + properties);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chat").to("cec:send?userId={{chat.user}}").to("mock:sent");
            }
        });
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            CecComponent component = context.getComponent("cec", CecComponent.class);
            assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(sim.baseUrl());
            assertThat(component.getConfiguration().getGatewayTokenTtl()).isEqualTo(900);

            MockEndpoint sent = context.getEndpoint("mock:sent", MockEndpoint.class);
            sent.expectedHeaderReceived(CecConstants.RESULT_CODE, "0");
            context.createProducerTemplate().sendBody("direct:chat", "hello from Camel Main");
            sent.assertIsSatisfied();

            JsonNode apply = CecRouteTestSupport.json(sim.journal().entries(CecOperation.APPLY_TOKEN).get(0));
            assertThat(apply.path("userId").asText()).isEqualTo("main-user");
            assertThat(apply.path("userName").asText()).isEqualTo("Web Visitor");
            assertThat(apply.path("locale").asText()).isEqualTo("zh");
            assertThat(sim.journal().entries(CecOperation.TOKEN_BY_AKSK).get(0).header("x-token-expire"))
                    .isEqualTo("900");
            assertThat(sim.journal().entries(CecOperation.SEND)).extracting(e -> CecRouteTestSupport.json(e)
                    .path("content").asText()).containsExactly("", "hello from Camel Main");
        } finally {
            main.stop();
        }
    }
}
