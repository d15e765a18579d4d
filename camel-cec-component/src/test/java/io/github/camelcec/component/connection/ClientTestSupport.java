package io.github.camelcec.component.connection;

import java.time.Duration;
import java.util.function.UnaryOperator;

import io.github.camelcec.component.client.CecSettings;
import io.github.camelcec.simulator.CecSimulator;

/** Builds clients pointed at a simulator. */
final class ClientTestSupport {

    private ClientTestSupport() {
    }

    static CecSettings.Builder configFor(CecSimulator sim) {
        return CecSettings.builder()
                .baseUrl(sim.baseUrl())
                .appKey(sim.appKey())
                .appSecret(sim.appSecret())
                .channelConfigId(sim.channelConfigId())
                .responseTimeout(Duration.ofSeconds(10));
    }

    static CecConnection clientFor(CecSimulator sim) {
        return CecConnection.open(configFor(sim).build());
    }

    static CecConnection clientFor(CecSimulator sim, UnaryOperator<CecSettings.Builder> adjust) {
        return CecConnection.open(adjust.apply(configFor(sim)).build());
    }
}
