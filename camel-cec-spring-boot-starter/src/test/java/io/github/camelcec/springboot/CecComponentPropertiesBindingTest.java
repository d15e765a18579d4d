package io.github.camelcec.springboot;

import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** camel.component.cec.* from application-binding.yml arrive on the component Camel creates. */
@SpringBootTest(classes = {CecTestApplication.class, CecComponentPropertiesBindingTest.Beans.class})
@ActiveProfiles("binding")
class CecComponentPropertiesBindingTest {

    @Autowired
    CamelContext camelContext;

    @Autowired
    IdempotentRepository cecDeliveredCodes;

    @Test
    void applicationYmlConfiguresTheComponent() {
        CecConfiguration config = camelContext.getComponent("cec", CecComponent.class).getConfiguration();

        assertThat(config.getBaseUrl()).isEqualTo("https://cec.example.com");
        assertThat(config.getAppKey()).isEqualTo("binding-app-key");
        assertThat(config.getAppSecret()).isEqualTo("binding-app-secret");
        assertThat(config.getChannelConfigId()).isEqualTo("1234567890123456789");
        assertThat(config.getLocale()).isEqualTo("zh");
        assertThat(config.getGatewayTokenTtl()).isEqualTo(900);
        assertThat(config.getUserName()).isEqualTo("Web Visitor");
        assertThat(config.getConsumerThreads()).isEqualTo(4);
        assertThat(config.getControlType()).isEqualTo("INPUT");
        assertThat(config.getSessionIdleTimeout()).isEqualTo(600_000L);
        assertThat(config.isAutoConnect()).isFalse();
        assertThat(config.getIdempotentRepository()).isSameAs(cecDeliveredCodes);
    }

    @Test
    void optionsLeftOutKeepTheComponentDefaults() {
        CecConfiguration config = camelContext.getComponent("cec", CecComponent.class).getConfiguration();

        assertThat(config.getChannel()).isEqualTo("WEB");
        assertThat(config.getCustomerTokenTtl()).isEqualTo(3600);
        assertThat(config.isThrowExceptionOnFailure()).isTrue();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        IdempotentRepository cecDeliveredCodes() {
            return MemoryIdempotentRepository.memoryIdempotentRepository(100);
        }
    }
}
