package io.github.camelcec.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ref §5: a message is handed out exactly once, however many polls race for it. */
class ConcurrentPollTest {

    @RegisterExtension
    static CecSimulatorExtension SIM = CecSimulatorExtension.create();

    @Test
    void concurrentPollsNeverDuplicateOrLoseAMessage(CecSimulator sim) throws Exception {
        SimClient client = new SimClient(sim).login();
        String token = client.applyToken("u1");
        client.send(token, "u1", "CONNECT", "");
        int messages = 500;
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> pollers = new ArrayList<>();
            for (int p = 0; p < 8; p++) {
                pollers.add(pool.submit(() -> {
                    SimClient own = new SimClient(sim);
                    own.gatewayToken = client.gatewayToken;
                    while (!stop.get()) {
                        for (JsonNode m : own.poll(token, "u1").json().get("downlinkMessages")) {
                            if (!seen.add(m.get("content").asText())) {
                                synchronized (duplicates) {
                                    duplicates.add(m.get("content").asText());
                                }
                            }
                        }
                    }
                }));
            }
            for (int i = 0; i < messages; i++) {
                sim.sendAgentMessage("u1", "m" + i);
            }
            await().until(() -> seen.size() == messages + 1);
            stop.set(true);
            for (Future<?> f : pollers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(duplicates).isEmpty();
        assertThat(seen).hasSize(messages + 1);
        assertThat(sim.session("u1").queuedDownlinks()).isZero();
    }
}
