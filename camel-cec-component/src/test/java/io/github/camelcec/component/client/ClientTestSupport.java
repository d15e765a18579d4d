package io.github.camelcec.component.client;

import java.time.Duration;
import java.util.function.UnaryOperator;

import io.github.camelcec.simulator.CecSimulator;

/** Builds clients pointed at a simulator. */
final class ClientTestSupport {

    private ClientTestSupport() {
    }

    static CecClientConfiguration.Builder configFor(CecSimulator sim) {
        return CecClientConfiguration.builder()
                .baseUrl(sim.baseUrl())
                .appKey(sim.appKey())
                .appSecret(sim.appSecret())
                .channelConfigId(sim.channelConfigId())
                .responseTimeout(Duration.ofSeconds(10));
    }

    static CecClient clientFor(CecSimulator sim) {
        return new CecClient(configFor(sim).build());
    }

    static CecClient clientFor(CecSimulator sim, UnaryOperator<CecClientConfiguration.Builder> adjust) {
        return new CecClient(adjust.apply(configFor(sim)).build());
    }
}
