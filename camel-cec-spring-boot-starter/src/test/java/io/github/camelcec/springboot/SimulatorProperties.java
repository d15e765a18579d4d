package io.github.camelcec.springboot;

import io.github.camelcec.simulator.CecSimulator;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The camel.component.cec.* properties that point an application at an in-process simulator. */
final class SimulatorProperties {

    private SimulatorProperties() {
    }

    static void register(DynamicPropertyRegistry registry, CecSimulator sim) {
        registry.add("camel.component.cec.base-url", sim::baseUrl);
        registry.add("camel.component.cec.app-key", sim::appKey);
        registry.add("camel.component.cec.app-secret", sim::appSecret);
        registry.add("camel.component.cec.channel-config-id", sim::channelConfigId);
    }
}
