package io.github.camelcec.examples.embedded;

import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;

/** The CEC simulator on a random loopback port, with the {@link ScriptedAgentDesk} answering as the agent. */
public final class EmbeddedCec implements AutoCloseable {

    private final CecSimulator simulator;

    private EmbeddedCec(CecSimulator simulator) {
        this.simulator = simulator;
    }

    public static EmbeddedCec start(String appKey, String appSecret, String channelConfigId) {
        CecSimulator sim = CecSimulator.builder()
                .appKey(appKey)
                .appSecret(appSecret)
                .channelConfigId(channelConfigId)
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
