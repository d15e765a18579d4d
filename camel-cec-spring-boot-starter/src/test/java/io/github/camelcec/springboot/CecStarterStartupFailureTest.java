package io.github.camelcec.springboot;

import io.github.camelcec.simulator.CecSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ComponentCustomizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Applications whose camel.component.cec.* settings are wrong do not start, and say which property is wrong. */
@ExtendWith(OutputCaptureExtension.class)
class CecStarterStartupFailureTest {

    private static final CecSimulator SIM = CecSimulator.builder().build().start();

    @AfterAll
    static void stopSimulator() {
        SIM.close();
    }

    @Test
    void aMissingBaseUrlFailsTheStartNamingTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start(
                "--camel.component.cec.app-key=" + SIM.appKey(),
                "--camel.component.cec.app-secret=" + SIM.appSecret(),
                "--camel.component.cec.channel-config-id=" + SIM.channelConfigId()))
                .hasStackTraceContaining("baseUrl");

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("option 'baseUrl' is required")
                .contains("Set camel.component.cec.base-url");
    }

    @Test
    void anUnknownPropertyFailsTheStartNamingIt(CapturedOutput output) {
        assertThatThrownBy(() -> start(
                "--camel.component.cec.base-url=" + SIM.baseUrl(),
                "--camel.component.cec.app-key=" + SIM.appKey(),
                "--camel.component.cec.app-secret=" + SIM.appSecret(),
                "--camel.component.cec.channel-config-id=" + SIM.channelConfigId(),
                "--camel.component.cec.no-such-option=x"))
                .hasStackTraceContaining("camel.component.cec");

        assertThat(output).contains("APPLICATION FAILED TO START").contains("camel.component.cec.no-such-option");
    }

    @Test
    void theStarterStepsAsideWhenDisabled() {
        // no cec: route here: with the starter aside, its endpoint would rightly refuse to start unconfigured
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CecTestApplication.class)
                .web(WebApplicationType.NONE)
                .run("--camel.component.cec.enabled=false", "--camel.component.cec.base-url=" + SIM.baseUrl())) {
            assertThat(context.getBeansOfType(ComponentCustomizer.class)).doesNotContainKey("configureCecComponent");
        }
    }

    @Test
    void aCompleteConfigurationStarts() {
        try (ConfigurableApplicationContext context = start(
                "--camel.component.cec.base-url=" + SIM.baseUrl(),
                "--camel.component.cec.app-key=" + SIM.appKey(),
                "--camel.component.cec.app-secret=" + SIM.appSecret(),
                "--camel.component.cec.channel-config-id=" + SIM.channelConfigId())) {
            assertThat(context.isRunning()).isTrue();
            assertThat(context.getBeansOfType(ComponentCustomizer.class)).containsKey("configureCecComponent");
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(CecTestApplication.class, SendRoute.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }

    @Configuration(proxyBeanMethods = false)
    static class SendRoute {

        @Bean
        RouteBuilder sendRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:chat").to("cec:send");
                }
            };
        }
    }
}
