package io.github.camelcec.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcec.simulator.SimClient.Answer;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Scale-out: X-Cec-Client-Id and timings in the journal, and the detector of overlapping polls of one customer. */
class PollOverlapTest {

    @RegisterExtension
    static CecSimulatorExtension SIM = CecSimulatorExtension.create();

    CecSimulator sim;
    SimClient replicaA;
    SimClient replicaB;
    String token;

    @BeforeEach
    void connect(CecSimulator simulator) {
        sim = simulator;
        replicaA = new SimClient(sim).clientId("replica-a").login();
        token = replicaA.applyToken("u1");
        replicaA.send(token, "u1", "CONNECT", "");
        replicaB = new SimClient(sim).clientId("replica-b");
        replicaB.gatewayToken = replicaA.gatewayToken;
        sim.journal().clear();
    }

    @Test
    void twoPollersOfOneCustomerAtOnceAreCountedWithBothClientIds() throws Exception {
        // the latency holds each answer, so the second poll arrives while the first is still being answered
        sim.faults().on(CecOperation.POLL).latency(Duration.ofSeconds(3));
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        int messages;
        try {
            Future<Answer> a = pollers.submit(() -> replicaA.poll(token, "u1"));
            Future<Answer> b = pollers.submit(() -> replicaB.poll(token, "u1"));
            messages = a.get(20, TimeUnit.SECONDS).json().get("downlinkMessages").size()
                    + b.get(20, TimeUnit.SECONDS).json().get("downlinkMessages").size();
        } finally {
            pollers.shutdownNow();
        }

        assertThat(messages).isEqualTo(1);
        assertThat(sim.overlappingPollCount()).isEqualTo(1);
        PollOverlap overlap = sim.overlappingPolls().get(0);
        assertThat(overlap.receiverId()).isEqualTo("u1");
        assertThat(List.of(overlap.earlierClientId(), overlap.laterClientId())).containsExactlyInAnyOrder("replica-a", "replica-b");

        JsonNode admin = replicaA.get("/admin/overlapping-polls", Map.of()).json();
        assertThat(admin.get("count").asLong()).isEqualTo(1);
        assertThat(admin.get("overlaps").get(0).get("receiverId").asText()).isEqualTo("u1");
        assertThat(admin.get("overlaps").get(0).get("laterClientId").asText()).isEqualTo(overlap.laterClientId());

        sim.reset();
        assertThat(sim.overlappingPollCount()).isZero();
        assertThat(sim.overlappingPolls()).isEmpty();
    }

    @Test
    void sequentialPollsAndPollsOfOtherCustomersDoNotOverlap() {
        String bob = replicaA.applyToken("bob");
        sim.faults().on(CecOperation.POLL).latency(Duration.ofMillis(200));
        replicaA.poll(token, "u1");
        replicaB.poll(token, "u1");
        replicaA.poll(token, "u1");
        CompletableFuture<Answer> other = CompletableFuture.supplyAsync(() -> replicaB.poll(bob, "bob"));
        replicaA.poll(token, "u1");
        assertThat(other.join().status()).isEqualTo(200);
        assertThat(sim.overlappingPollCount()).isZero();
        assertThat(sim.overlappingPolls()).isEmpty();
    }

    @Test
    void theJournalRecordsTheClientIdAndWhenARequestStartedAndEnded() {
        sim.faults().on(CecOperation.POLL).latency(Duration.ofMillis(300));
        replicaB.poll(token, "u1");
        new SimClient(sim).post(CecOperation.SEND, replicaA.withToken(token), "{}");

        JournalEntry poll = sim.journal().entries(CecOperation.POLL).get(0);
        assertThat(poll.clientId()).isEqualTo("replica-b");
        assertThat(poll.header("x-cec-client-id")).isEqualTo("replica-b");
        assertThat(poll.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        JournalEntry send = sim.journal().entries(CecOperation.SEND).get(0);
        assertThat(send.clientId()).isNull();
        assertThat(send.startNanos()).isGreaterThan(poll.endNanos());
        assertThat(send.endNanos()).isGreaterThanOrEqualTo(send.startNanos());

        JsonNode journal = replicaA.get("/admin/journal", Map.of()).json();
        assertThat(journal.get(0).get("clientId").asText()).isEqualTo("replica-b");
        assertThat(journal.get(0).get("endNanos").asLong() - journal.get(0).get("startNanos").asLong())
                .isEqualTo(poll.endNanos() - poll.startNanos());
        assertThat(journal.get(1).get("clientId").isNull()).isTrue();
    }
}
