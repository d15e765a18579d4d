package io.github.camelcec.component.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelcec.component.state.CustomerToken;
import io.github.camelcec.component.state.InMemoryCustomerTokenStore;
import io.github.camelcec.simulator.ManualClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token layers' caching rules, without HTTP: fetches are futures the test completes by hand. */
class TokenManagersTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void gatewayTokenIsFetchedOnceForConcurrentCallers() {
        List<CompletableFuture<GatewayToken>> fetches = new ArrayList<>();
        GatewayTokenManager manager = new GatewayTokenManager(() -> {
            CompletableFuture<GatewayToken> f = new CompletableFuture<>();
            fetches.add(f);
            return f;
        }, clock);

        List<CompletableFuture<GatewayToken>> callers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            callers.add(manager.token());
        }
        assertThat(fetches).hasSize(1);
        fetches.get(0).complete(token("g1", Duration.ofSeconds(600)));
        assertThat(callers).allSatisfy(c -> assertThat(c.join().value()).isEqualTo("g1"));
        assertThat(manager.token().join().value()).isEqualTo("g1");
        assertThat(fetches).hasSize(1);
    }

    @Test
    void gatewayTokenIsRefreshedAheadWithoutMakingCallersWait() {
        List<CompletableFuture<GatewayToken>> fetches = new ArrayList<>();
        GatewayTokenManager manager = new GatewayTokenManager(() -> {
            CompletableFuture<GatewayToken> f = new CompletableFuture<>();
            fetches.add(f);
            return f;
        }, clock);
        CompletableFuture<GatewayToken> first = manager.token();
        fetches.get(0).complete(token("g1", Duration.ofSeconds(600)));
        first.join();

        clock.advance(Duration.ofSeconds(545)); // inside the last minute
        CompletableFuture<GatewayToken> during = manager.token();
        assertThat(during).isCompletedWithValueMatching(t -> t.value().equals("g1"));
        assertThat(fetches).hasSize(2);
        manager.token();
        assertThat(fetches).as("one refresh in flight").hasSize(2);
        fetches.get(1).complete(token("g2", Duration.ofSeconds(600)));
        assertThat(manager.token().join().value()).isEqualTo("g2");
    }

    @Test
    void staleRejectionsCauseOneRefresh() {
        AtomicInteger fetches = new AtomicInteger();
        GatewayTokenManager manager = new GatewayTokenManager(
                () -> CompletableFuture.completedFuture(token("g" + fetches.incrementAndGet(), Duration.ofSeconds(600))),
                clock);
        GatewayToken seen = manager.token().join();
        assertThat(manager.invalidate(seen).join().value()).isEqualTo("g2");
        // a second caller that saw the same, now replaced, token gets the new one without a fetch
        assertThat(manager.invalidate(seen).join().value()).isEqualTo("g2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void failedFetchIsReportedAndTheNextCallTriesAgain() {
        AtomicInteger fetches = new AtomicInteger();
        GatewayTokenManager manager = new GatewayTokenManager(() -> fetches.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new IllegalStateException("down"))
                : CompletableFuture.completedFuture(token("g", Duration.ofSeconds(600))), clock);
        assertThat(manager.token()).isCompletedExceptionally();
        assertThat(manager.token().join().value()).isEqualTo("g");
    }

    @Test
    void customerTokenIsAppliedOncePerCustomerAndLifetime() {
        List<CompletableFuture<String>> applies = new ArrayList<>();
        CustomerTokenManager manager = new CustomerTokenManager((userId, name) -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            applies.add(f);
            return f;
        }, new InMemoryCustomerTokenStore(clock, 100), Duration.ofHours(1), clock);

        CompletableFuture<CustomerToken> a = manager.token("u1", "U1");
        CompletableFuture<CustomerToken> b = manager.token("u1", "U1");
        manager.token("u2", "U2");
        assertThat(applies).hasSize(2);
        applies.get(0).complete("t1");
        assertThat(a.join().value()).isEqualTo("t1");
        assertThat(b.join().value()).isEqualTo("t1");
        assertThat(manager.token("u1", "U1").join().value()).isEqualTo("t1");

        clock.advance(Duration.ofMinutes(61));
        manager.token("u1", "U1");
        assertThat(applies).as("a new apply once the lifetime elapsed").hasSize(3);
    }

    @Test
    void rotatedTokenReplacesTheOldOneAndARejectedStaleTokenDoesNotDropIt() {
        AtomicInteger applies = new AtomicInteger();
        CustomerTokenManager manager = new CustomerTokenManager(
                (userId, name) -> CompletableFuture.completedFuture("applied-" + applies.incrementAndGet()),
                new InMemoryCustomerTokenStore(clock, 100), Duration.ofHours(1), clock);
        CustomerToken first = manager.token("u1", "U1").join();
        manager.adoptRotated("u1", first, "rotated");
        assertThat(manager.token("u1", "U1").join().value()).isEqualTo("rotated");
        // a late 401 for the first token must not throw the rotated one away
        assertThat(manager.invalidate("u1", "U1", first).join().value()).isEqualTo("rotated");
        assertThat(applies).hasValue(1);
    }

    @Test
    void storeDropsExpiredTokensOnceItGrows() {
        InMemoryCustomerTokenStore store = new InMemoryCustomerTokenStore(clock, 100);
        for (int i = 0; i < 100; i++) {
            store.put("old-" + i, new CustomerToken("t", clock.instant().plusSeconds(60)));
        }
        clock.advance(Duration.ofMinutes(2));
        for (int i = 0; i < 20; i++) {
            store.put("new-" + i, new CustomerToken("t", clock.instant().plusSeconds(60)));
        }
        assertThat(store.size()).isLessThanOrEqualTo(20 + 10);
        assertThat(store.get("new-19")).isNotNull();
    }

    @Test
    void tokensNeverPrintTheirValue() {
        assertThat(new CustomerToken("c-secret", clock.instant()).toString()).doesNotContain("c-secret");
        assertThat(token("g-secret", Duration.ofSeconds(1)).toString()).doesNotContain("g-secret");
    }

    private GatewayToken token(String value, Duration lifetime) {
        var expires = clock.instant().plus(lifetime);
        return new GatewayToken(value, expires, expires.minus(lifetime.dividedBy(10).compareTo(Duration.ofMinutes(1)) > 0
                ? Duration.ofMinutes(1) : lifetime.dividedBy(10)));
    }
}
