package io.github.camelcec.springboot;

import io.github.camelcec.component.CecComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code cec} component from {@code camel.component.cec.*}, as camel-spring-boot's component starters
 * do: a {@link ComponentCustomizer} binds every property that is set onto the component through Camel's property
 * binding, when Camel creates it. Off with {@code camel.component.cec.enabled=false} (or
 * {@code camel.component.enabled=false}).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, CecComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.cec"})
public class CecComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CecComponentConfiguration configuration;

    public CecComponentAutoConfiguration(ApplicationContext applicationContext,
                                         CecComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureCecComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.cec.customizer")
                       && target instanceof CecComponent;
            }
        };
    }

    /** Actuator shows no value of a secret option, even with show-values=always. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class SecretOptionsSanitizing {

        @Bean
        SanitizingFunction cecSecretOptionsSanitizer() {
            return SanitizingFunction.sanitizeValue().ifMatches(data -> SecretOptions.isSecret(data.getKey()));
        }
    }
}
