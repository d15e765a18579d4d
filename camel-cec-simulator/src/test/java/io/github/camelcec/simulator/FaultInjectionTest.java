package io.github.camelcec.simulator;

import io.github.camelcec.simulator.SimClient.Answer;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OperationFaults: failures, rates, latency, resets, flow control, forced token expiry; and the journal of it all. */
class FaultInjectionTest {

    @RegisterExtension
    static CecSimulatorExtension SIM = CecSimulatorExtension.create();

    CecSimulator sim;
    SimClient client;
    String token;

    @BeforeEach
    void login(CecSimulator simulator) {
        sim = simulator;
        client = new SimClient(sim).login();
        token = client.applyToken("u1");
        client.send(token, "u1", "CONNECT", "");
        sim.journal().clear();
    }

    @Test
    void failNextAnswersTheStatusThenRecovers() {
        sim.faults().on(CecOperation.POLL).failNext(2, 503);
        assertThat(client.poll(token, "u1").status()).isEqualTo(503);
        assertThat(client.poll(token, "u1").status()).isEqualTo(503);
        Answer ok = client.poll(token, "u1");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("downlinkMessages")).hasSize(1);
        assertThat(client.send(token, "u1", "CHAT", "x").status()).isEqualTo(200);
        assertThat(sim.journal().entries(CecOperation.POLL)).extracting(JournalEntry::httpStatus).containsExactly(503, 503, 200);
    }

    @Test
    void allAppliesToEveryOperation() {
        sim.faults().all().failNext(1, 500);
        assertThat(client.send(token, "u1", "CHAT", "x").status()).isEqualTo(500);
        assertThat(client.poll(token, "u1").status()).isEqualTo(200);
    }

    @Test
    void errorRateIsReproducibleWithASeed() {
        List<Integer> first = statuses(42);
        List<Integer> second = statuses(42);
        assertThat(first).isEqualTo(second);
        assertThat(first).contains(500, 200);
        sim.faults().on(CecOperation.POLL).errorRate(1.0, 401);
        assertThat(client.poll(token, "u1").status()).isEqualTo(401);
    }

    private List<Integer> statuses(long seed) {
        sim.faults().clear();
        sim.faults().seed(seed);
        sim.faults().on(CecOperation.POLL).errorRate(0.5, 500);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            out.add(client.poll(token, "u1").status());
        }
        return out;
    }

    @Test
    void latencyDelaysOnlyThatOperationAndDoesNotBlockOthers() throws Exception {
        sim.faults().on(CecOperation.SEND).latency(Duration.ofSeconds(2));
        long start = System.nanoTime();
        CompletableFuture<Answer> slow = CompletableFuture.supplyAsync(() -> client.send(token, "u1", "CHAT", "x"));
        for (int i = 0; i < 20; i++) {
            assertThat(client.poll(token, "u1").status()).isEqualTo(200);
        }
        long pollsDone = System.nanoTime() - start;
        assertThat(slow).isNotDone();
        assertThat(TimeUnit.NANOSECONDS.toMillis(pollsDone)).isLessThan(2000);
        assertThat(slow.get(10, TimeUnit.SECONDS).field("resultCode")).isEqualTo("0");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void resetNextClosesTheConnectionWithoutAnAnswer() {
        // POST: the JDK client retries an idempotent GET once on a reset, which would hide a single reset
        sim.faults().on(CecOperation.SEND).resetNext(1);
        assertThatThrownBy(() -> client.send(token, "u1", "CHAT", "x")).isInstanceOf(UncheckedIOException.class);
        assertThat(client.send(token, "u1", "CHAT", "x").status()).isEqualTo(200);
        assertThat(sim.journal().entries(CecOperation.SEND)).extracting(JournalEntry::httpStatus).containsExactly(0, 200);
        sim.faults().on(CecOperation.POLL).resetRate(1.0);
        assertThatThrownBy(() -> client.poll(token, "u1")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void flowControlAnswers200WithTheFlowControlCode() {
        sim.faults().on(CecOperation.ROBOT_FEEDBACK).flowControlNext(1);
        String body = SimClient.json(java.util.Map.of("feedback", 1, "from", "u1", "interIdx", "1"));
        Answer limited = client.post(CecOperation.ROBOT_FEEDBACK, client.withToken(token), body);
        assertThat(limited.status()).isEqualTo(200);
        assertThat(limited.field("resultCode")).isEqualTo("10010000002");
        assertThat(client.post(CecOperation.ROBOT_FEEDBACK, client.withToken(token), body).field("resultCode")).isEqualTo("0");
        sim.faults().on(CecOperation.SEND).flowControlRate(1.0);
        assertThat(client.send(token, "u1", "CHAT", "x").field("resultCode")).isEqualTo("10010000002");
        assertThat(sim.journal().entries(CecOperation.SEND).get(0).resultCode()).isEqualTo("10010000002");
    }

    @Test
    void resultCodeNextAnswersThatBusinessCodeInA200() {
        sim.faults().on(CecOperation.POLL).resultCodeNext(1, "401");
        Answer injected = client.poll(token, "u1");
        assertThat(injected.status()).isEqualTo(200);
        assertThat(injected.field("resultCode")).isEqualTo("401");
        assertThat(client.poll(token, "u1").field("resultCode")).isEqualTo("0");
    }

    @Test
    void redeliverNextHandsTheSameMessagesOutAgain() {
        client.poll(token, "u1"); // the CONNECT greeting
        sim.sendAgentMessage("u1", "once");
        sim.faults().on(CecOperation.POLL).redeliverNext(1);
        Answer first = client.poll(token, "u1");
        Answer again = client.poll(token, "u1");
        assertThat(first.json().get("downlinkMessages")).hasSize(1);
        assertThat(again.json().get("downlinkMessages")).isEqualTo(first.json().get("downlinkMessages"));
        assertThat(client.poll(token, "u1").json().get("downlinkMessages")).isEmpty();
    }

    @Test
    void expireCustomerTokenNextRotatesInASessionAnd401sWithout() {
        sim.faults().on(CecOperation.POLL).expireCustomerTokenNext(1);
        Answer rotated = client.poll(token, "u1");
        assertThat(rotated.status()).isEqualTo(200);
        String fresh = rotated.header("ccmessaging-token");
        assertThat(fresh).isNotBlank();
        assertThat(client.poll(token, "u1").status()).isEqualTo(401);

        String bob = client.applyToken("bob");
        sim.faults().on(CecOperation.POLL).expireCustomerTokenNext(1);
        assertThat(client.poll(bob, "bob").status()).isEqualTo(401);
        assertThat(client.poll(bob, "bob").status()).isEqualTo(200);
    }

    @Test
    void clearDisarmsEverything() {
        sim.faults().on(CecOperation.POLL).failNext(5, 500).latency(Duration.ofSeconds(5));
        sim.faults().clear();
        assertThat(client.poll(token, "u1").status()).isEqualTo(200);
    }

    @Test
    void journalRecordsHeadersBodyStatusAndCountersPastItsCapacity() {
        try (CecSimulator small = CecSimulator.builder().journalCapacity(3).build().start()) {
            SimClient c = new SimClient(small).login();
            String t = c.applyToken("u1");
            for (int i = 0; i < 5; i++) {
                c.poll(t, "u1");
            }
            assertThat(small.journal().entries()).hasSize(3);
            assertThat(small.journal().count(CecOperation.POLL)).isEqualTo(5);
            assertThat(small.journal().count(CecOperation.APPLY_TOKEN)).isEqualTo(1);
            assertThat(small.journal().count(CecOperation.TOKEN_BY_AKSK)).isEqualTo(1);
            assertThat(small.journal().total()).isEqualTo(7);
            JournalEntry last = small.journal().entries().get(2);
            assertThat(last.operation()).isEqualTo(CecOperation.POLL);
            assertThat(last.method()).isEqualTo("GET");
            assertThat(last.uri()).isEqualTo("/apiaccess/ccmessaging/poll?receiverId=u1&channel=WEB");
            assertThat(last.header("CCMESSAGING-TOKEN")).isEqualTo(t);
            assertThat(last.headers()).containsKey("x-app-key");
            assertThat(last.httpStatus()).isEqualTo(200);
            assertThat(last.resultCode()).isEqualTo("0");
            assertThat(small.journal().entries(CecOperation.APPLY_TOKEN)).isEmpty();
            small.journal().clear();
            assertThat(small.journal().entries()).isEmpty();
            assertThat(small.journal().total()).isZero();
            assertThat(small.journal().count(CecOperation.POLL)).isZero();
        }
    }
}
