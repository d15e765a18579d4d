package io.github.camelcec.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelcec.component.CecConstants;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A Spring Boot application configured only by camel.component.cec.* sends to CEC and receives from it. */
@SpringBootTest(classes = {CecTestApplication.class, CecStarterRoutesTest.Routes.class})
@DirtiesContext
class CecStarterRoutesTest {

    private static final CecSimulator SIM = CecSimulator.builder().build().start();
    private static final List<DownlinkMessage> RECEIVED = new CopyOnWriteArrayList<>();

    @Autowired
    ProducerTemplate template;

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, SIM);
    }

    @AfterAll
    static void stopSimulator(@Autowired CamelContext camel) {
        // Camel first, so no poll runs against a closed simulator
        camel.stop();
        SIM.close();
    }

    @Test
    void aSendThroughAProducerTemplateReachesCec() {
        template.sendBodyAndHeader("cec:send", "hello from Spring Boot", CecConstants.USER_ID, "boot-sender");

        assertThat(SIM.journal().entries(CecOperation.SEND))
                .anySatisfy(e -> assertThat(e.body()).contains("hello from Spring Boot").contains("boot-sender"));
        assertThat(SIM.journal().count(CecOperation.TOKEN_BY_AKSK)).isEqualTo(1);
    }

    @Test
    void aPollRouteReceivesAnAgentMessage() {
        template.sendBodyAndHeaders("cec:send", "", Map.of(CecConstants.USER_ID, "boot-customer",
                CecConstants.CONTROL_TYPE, "CONNECT"));

        SIM.sendAgentMessage("boot-customer", "an agent answers");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(RECEIVED)
                .anySatisfy(m -> {
                    assertThat(m.getTo()).isEqualTo("boot-customer");
                    assertThat(m.getContent()).isEqualTo("an agent answers");
                }));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Routes {

        @Bean
        RouteBuilder pollRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("cec:poll?delay=100").process(e -> RECEIVED.add(e.getMessage().getBody(DownlinkMessage.class)));
                }
            };
        }
    }
}
