package io.github.camelcec.component.support;

import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConfiguration;
import io.github.camelcec.component.CecEndpoint;
import io.github.camelcec.component.state.SessionStore;
import io.github.camelcec.simulator.CecSimulator;

/** A {@code cec} component pointed at a simulator, as the tests' Camel contexts use it. */
public final class SimulatorComponents {

    private SimulatorComponents() {
    }

    public static CecComponent componentFor(CecSimulator sim) {
        CecComponent component = new CecComponent();
        CecConfiguration config = component.getConfiguration();
        config.setBaseUrl(sim.baseUrl());
        config.setAppKey(sim.appKey());
        config.setAppSecret(sim.appSecret());
        config.setChannelConfigId(sim.channelConfigId());
        return component;
    }

    /** The sessions of the component's default connection (the one every endpoint without overrides shares). */
    public static SessionStore sessionsOf(CecComponent component) {
        return component.getCamelContext().getEndpoint("cec:send", CecEndpoint.class).getConnection().sessions();
    }
}
