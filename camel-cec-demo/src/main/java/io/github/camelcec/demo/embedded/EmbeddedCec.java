package io.github.camelcec.demo.embedded;

import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;

/** The CEC simulator on a random loopback port, with the {@link ScriptedAgentDesk} answering as the agent. */
public final class EmbeddedCec implements AutoCloseable {

    /** The simulator's credentials, the same as the bridge's defaults in application.properties. */
    public static final String APP_KEY = "demo-app-key";
    public static final String APP_SECRET = "demo-app-secret";
    public static final String CHANNEL_CONFIG_ID = "demo-channel-config";

    private final CecSimulator simulator;

    private EmbeddedCec(CecSimulator simulator) {
        this.simulator = simulator;
    }

    public static EmbeddedCec start() {
        CecSimulator sim = CecSimulator.builder()
                .appKey(APP_KEY)
                .appSecret(APP_SECRET)
                .channelConfigId(CHANNEL_CONFIG_ID)
                .build()
                .start();
        sim.setAgentAutoReply(new ScriptedAgentDesk());
        return new EmbeddedCec(sim);
    }

    public String baseUrl() {
        return simulator.baseUrl();
    }

    public CecSimulator simulator() {
        return simulator;
    }

    public long gatewayTokenCalls() {
        return simulator.journal().count(CecOperation.TOKEN_BY_AKSK);
    }

    public long customerTokenCalls() {
        return simulator.journal().count(CecOperation.APPLY_TOKEN);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
