package io.github.camelcec.component.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelcec.component.client.CecApi;
import io.github.camelcec.component.client.CecAuthenticationException;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.ControlType;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.model.SendMessageRequest;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.JournalEntry;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both token layers against the simulator: caching, single flight, rotation, refresh on 401 and 403. */
class TokenLifecycleTest {

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    private static CecResult connect(CecConnection client, Customer customer) {
        return client.call(CecApi.SEND, customer, SendMessageRequest.control(ControlType.CONNECT));
    }

    @Test
    void fiftyParallelCallersCauseOneGatewayTokenAndOneApplyToken() {
        CecSimulator sim = SIM.simulator();
        try (CecConnection client = ClientTestSupport.clientFor(sim)) {
            Customer customer = Customer.of("parallel-1");
            List<CompletableFuture<CecResult>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(client.callAsync(CecApi.POLL, customer, null).thenApply(r -> r));
            }
            calls.forEach(CompletableFuture::join);

            assertThat(sim.journal().count(CecOperation.TOKEN_BY_AKSK)).isEqualTo(1);
            assertThat(sim.journal().count(CecOperation.APPLY_TOKEN)).isEqualTo(1);
            assertThat(sim.journal().count(CecOperation.POLL)).isEqualTo(50);
        }
    }

    @Test
    void fiftyCustomersShareOneGatewayTokenAndApplyOnceEach() {
        CecSimulator sim = SIM.simulator();
        try (CecConnection client = ClientTestSupport.clientFor(sim)) {
            List<CompletableFuture<Void>> threads = new ArrayList<>();
            AtomicInteger ok = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(50);
            for (int i = 0; i < 50; i++) {
                Customer customer = Customer.of("customer-" + i);
                threads.add(CompletableFuture.runAsync(() -> {
                    connect(client, customer);
                    client.call(CecApi.SEND, customer, SendMessageRequest.text("hello"));
                    ok.incrementAndGet();
                }, pool));
            }
            threads.forEach(CompletableFuture::join);
            pool.shutdown();
            assertThat(ok).hasValue(50);
            assertThat(sim.journal().count(CecOperation.TOKEN_BY_AKSK)).isEqualTo(1);
            assertThat(sim.journal().count(CecOperation.APPLY_TOKEN)).isEqualTo(50);
        }
    }

    @Test
    void http401CausesExactlyOneReapplyAndOneReplay() {
        CecSimulator sim = SIM.simulator();
        try (CecConnection client = ClientTestSupport.clientFor(sim)) {
            Customer customer = Customer.of("reapply-1");
            connect(client, customer);
            sim.journal().clear();
            sim.faults().on(CecOperation.SEND).failNext(1, 401);

            CecResult result = client.call(CecApi.SEND, customer, SendMessageRequest.text("after a 401"));

            assertThat(result.isSuccess()).isTrue();
            assertThat(sim.journal().count(CecOperation.APPLY_TOKEN)).isEqualTo(1);
            assertThat(sim.journal().count(CecOperation.SEND)).isEqualTo(2);
            assertThat(sim.journal().count(CecOperation.TOKEN_BY_AKSK)).isZero();
            List<JournalEntry> sends = sim.journal().entries(CecOperation.SEND);
            assertThat(sends.get(1).body()).isEqualTo(sends.get(0).body());
            assertThat(sends.get(1).header("ccmessaging-token")).isNotEqualTo(sends.get(0).header("ccmessaging-token"));
        }
    }

    @Test
    void a401AfterTheReplayIsAnAuthenticationErrorNotALoop() {
        CecSimulator sim = SIM.simulator();
        try (CecConnection client = ClientTestSupport.clientFor(sim)) {
            Customer customer = Customer.of("reapply-2");
            connect(client, customer);
            sim.journal().clear();
            sim.faults().on(CecOperation.SEND).failNext(2, 401);

            assertThatThrownBy(() -> client.call(CecApi.SEND, customer, SendMessageRequest.text("refused twice")))
                    .isInstanceOf(CecAuthenticationException.class)
                    .hasMessageContaining("send")
                    .hasMessageContaining("401");
            assertThat(sim.journal().count(CecOperation.SEND)).isEqualTo(2);
            assertThat(sim.journal().count(CecOperation.APPLY_TOKEN)).isEqualTo(1);
        }
    }

    @Test
    void expiredGatewayTokenAnswers403AndIsRefreshedOnce() {
        CecSimulator sim = SIM.simulator();
        try (CecConnection client = ClientTestSupport.clientFor(sim)) {
            Customer customer = Customer.of("gateway-1");
            connect(client, customer);
            sim.expireGatewayTokens();
            sim.journal().clear();

            assertThat(client.call(CecApi.SEND, customer, SendMessageRequest.text("after 403")).isSuccess()).isTrue();

            assertThat(sim.journal().entries(CecOperation.SEND)).extracting(JournalEntry::httpStatus)
                    .containsExactly(403, 200);
            assertThat(sim.journal().count(CecOperation.TOKEN_BY_AKSK)).isEqualTo(1);
            assertThat(sim.journal().count(CecOperation.APPLY_TOKEN)).isZero();
        }
    }

    @Test
    void manyCallersWithTheSameExpiredGatewayTokenRefreshItOnce() {
        CecSimulator sim = SIM.simulator();
        try (CecConnection client = ClientTestSupport.clientFor(sim)) {
            Customer customer = Customer.of("gateway-2");
            connect(client, customer);
            sim.expireGatewayTokens();
            sim.journal().clear();
            List<CompletableFuture<?>> polls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                polls.add(client.callAsync(CecApi.POLL, customer, null));
            }
            polls.forEach(CompletableFuture::join);
            assertThat(sim.journal().count(CecOperation.TOKEN_BY_AKSK)).isEqualTo(1);
        }
    }

    @Test
    void rotatedTokenHeaderIsAdoptedAtOnce() {
        CecSimulator sim = SIM.simulator();
        try (CecConnection client = ClientTestSupport.clientFor(sim)) {
            Customer customer = Customer.of("rotate-1");
            connect(client, customer);
            String first = sim.currentCustomerToken("rotate-1").orElseThrow();
            sim.expireCustomerToken("rotate-1");
            sim.journal().clear();

            client.call(CecApi.SEND, customer, SendMessageRequest.text("served, and rotated"));
            String rotated = sim.currentCustomerToken("rotate-1").orElseThrow();
            client.call(CecApi.SEND, customer, SendMessageRequest.text("with the new token"));

            assertThat(rotated).isNotEqualTo(first);
            assertThat(sim.journal().entries(CecOperation.SEND)).extracting(e -> e.header("ccmessaging-token"))
                    .containsExactly(first, rotated);
            assertThat(sim.journal().count(CecOperation.APPLY_TOKEN)).isZero();
        }
    }

    @Test
    void badAppSecretIsAnAuthenticationErrorThatDoesNotShowTheSecret() {
        CecSimulator sim = SIM.simulator();
        try (CecConnection client = ClientTestSupport.clientFor(sim, b -> b.appSecret("wrong-secret-value"))) {
            assertThatThrownBy(() -> client.call(CecApi.POLL, Customer.of("u1"), null))
                    .isInstanceOf(CecAuthenticationException.class)
                    .hasMessageContaining("tokenByAkSk")
                    .hasMessageContaining("401")
                    .hasMessageNotContaining("wrong-secret-value");
        }
    }

    /** product.md §2: a 2 s customer token under continuous use loses no request. */
    @Test
    void shortLivedTokensUnderContinuousUseLoseNothing() throws Exception {
        try (CecSimulator sim = CecSimulator.builder().customerTokenTtl(Duration.ofSeconds(2))
                .journalCapacity(200_000).build().start();
             CecConnection client = ClientTestSupport.clientFor(sim, b -> b.gatewayTokenTtl(Duration.ofSeconds(2)))) {
            int customers = 4;
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            AtomicInteger sent = new AtomicInteger();
            List<CompletableFuture<Void>> threads = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(customers);
            for (int c = 0; c < customers; c++) {
                Customer customer = Customer.of("steady-" + c);
                threads.add(CompletableFuture.runAsync(() -> {
                    connect(client, customer);
                    int n = 0;
                    while (System.nanoTime() < until) {
                        client.call(CecApi.SEND, customer, SendMessageRequest.text("message " + n++));
                        client.call(CecApi.POLL, customer, null);
                        sent.incrementAndGet();
                    }
                }, pool));
            }
            threads.forEach(CompletableFuture::join);
            pool.shutdown();
            // every CHAT reached the robot exactly once: the robot echoes each one
            Set<String> tokens = new HashSet<>();
            sim.journal().entries(CecOperation.SEND).forEach(e -> tokens.add(e.header("ccmessaging-token")));
            long okSends = sim.journal().entries(CecOperation.SEND).stream().filter(e -> "0".equals(e.resultCode())).count();
            assertThat(okSends).isEqualTo(sent.get() + customers);
            assertThat(tokens.size()).as("customer tokens used").isGreaterThan(customers);
            // gateway tokens of 2 s: refreshed ahead, a few per lifetime at most, never a failed request
            assertThat(sim.journal().count(CecOperation.TOKEN_BY_AKSK)).isBetween(2L, 6L);
        }
    }
}
