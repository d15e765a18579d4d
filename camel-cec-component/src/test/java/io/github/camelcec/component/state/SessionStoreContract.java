package io.github.camelcec.component.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelcec.simulator.ManualClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What every {@link SessionStore} twin does; each backend runs it by extending this class. */
public abstract class SessionStoreContract {

    protected static final Duration IDLE = Duration.ofMinutes(30);

    protected final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private SessionStore store;

    /** A store on this test's state; for a shared backend, a second call is a second JVM on the same tables. */
    protected abstract SessionStore newStore(Duration idleTimeout, Clock clock);

    /** Whether two instances from {@link #newStore} see each other's sessions (a table does, a map does not). */
    protected abstract boolean instancesShareState();

    /** The test's store, created on first use (after the subclass opened its database). */
    protected SessionStore store() {
        if (store == null) {
            store = newStore(IDLE, clock);
        }
        return store;
    }

    private Session opened(String userId, String name) {
        return Session.opened(userId, name, "en_US", clock.millis(), "node-a");
    }

    @Test
    void registerAddsASessionThatGetReturnsWithAllItsFields() {
        assertThat(store().register(opened("u1", "Alice"))).isTrue();

        Session s = store().get("u1");
        assertThat(s).isEqualTo(new Session("u1", "Alice", "en_US", clock.millis(), 0, "node-a"));
        assertThat(store().isConnected("u1")).isTrue();
        assertThat(store().size()).isEqualTo(1);
    }

    @Test
    void getOfAnUnknownCustomerIsNull() {
        assertThat(store().get("nobody")).isNull();
        assertThat(store().isConnected("nobody")).isFalse();
    }

    @Test
    void registerOfAConnectedCustomerOnlyTouchesTheSession() {
        store().register(opened("u1", "Alice"));
        clock.advance(Duration.ofMinutes(5));

        assertThat(store().register(Session.opened("u1", "Other", "fr_FR", clock.millis(), "node-b"))).isFalse();

        Session s = store().get("u1");
        assertThat(s.userName()).isEqualTo("Alice");
        assertThat(s.locale()).isEqualTo("en_US");
        assertThat(s.owner()).isEqualTo("node-a");
        assertThat(s.lastActivity()).isEqualTo(clock.millis());
    }

    @Test
    void registerReplacesADisconnectedSession() {
        store().register(opened("u1", "Alice"));
        store().markDisconnected("u1");

        assertThat(store().register(Session.opened("u1", "Alice B", "de_DE", clock.millis(), "node-b"))).isTrue();

        assertThat(store().get("u1")).isEqualTo(new Session("u1", "Alice B", "de_DE", clock.millis(), 0, "node-b"));
        assertThat(store().isConnected("u1")).isTrue();
    }

    @Test
    void registerReplacesAnIdledOutSession() {
        store().register(opened("u1", "Alice"));
        clock.advance(IDLE.plusMillis(1));

        assertThat(store().register(Session.opened("u1", "Alice", "en_US", clock.millis(), "node-b"))).isTrue();
        assertThat(store().get("u1").owner()).isEqualTo("node-b");
    }

    @Test
    void aDisconnectedSessionIsStillPolledDuringTheClosingGraceAndEvictedAfterIt() {
        store().register(opened("u1", "Alice"));
        clock.advance(Duration.ofSeconds(10));
        store().markDisconnected("u1");

        assertThat(store().isConnected("u1")).isFalse();
        assertThat(store().get("u1").disconnectedAt()).isEqualTo(clock.millis());
        clock.advance(SessionExpiry.CLOSING_GRACE);
        assertThat(store().sessions()).extracting(Session::userId).containsExactly("u1");

        clock.advance(Duration.ofMillis(1));
        assertThat(store().sessions()).isEmpty();
        assertThat(store().get("u1")).isNull();
        assertThat(store().size()).isZero();
    }

    @Test
    void anIdleSessionIsEvictedOnceIdleLongerThanTheTimeout() {
        store().register(opened("u1", "Alice"));
        store().register(opened("u2", "Bob"));
        clock.advance(IDLE);
        store().touch("u2");
        assertThat(store().get("u1")).isNotNull();

        clock.advance(Duration.ofMillis(1));

        assertThat(store().get("u1")).isNull();
        assertThat(store().isConnected("u1")).isFalse();
        assertThat(store().sessions()).extracting(Session::userId).containsExactly("u2");
        assertThat(store().size()).as("the expired row is deleted, not only hidden").isEqualTo(1);
    }

    @Test
    void sessionsDeletesExpiredRowsItDoesNotReturn() {
        store().register(opened("u1", "Alice"));
        clock.advance(IDLE.plusMillis(1));
        store().register(opened("u2", "Bob"));

        assertThat(store().sessions()).extracting(Session::userId).containsExactly("u2");
        assertThat(store().size()).isEqualTo(1);
    }

    @Test
    void touchAllTouchesEveryCustomerOfTheBatchAndIgnoresUnknownOnes() {
        store().register(opened("u1", "Alice"));
        store().register(opened("u2", "Bob"));
        store().register(opened("u3", "Carol"));
        clock.advance(IDLE.minusMinutes(1));
        long touchedAt = clock.millis();

        store().touchAll(List.of("u1", "u2", "nobody"));
        store().touchAll(List.of());
        clock.advance(IDLE.minusMinutes(1));

        assertThat(store().get("u1").lastActivity()).isEqualTo(touchedAt);
        assertThat(store().get("u2").lastActivity()).isEqualTo(touchedAt);
        assertThat(store().get("u3")).as("not touched: idled out").isNull();
        assertThat(store().get("nobody")).isNull();
    }

    @Test
    void touchKeepsASessionAliveAndIgnoresUnknownCustomers() {
        store().register(opened("u1", "Alice"));
        clock.advance(IDLE.minusMinutes(1));
        store().touch("u1");
        store().touch("nobody");
        clock.advance(IDLE.minusMinutes(1));

        assertThat(store().get("u1").lastActivity()).isEqualTo(clock.millis() - IDLE.minusMinutes(1).toMillis());
        assertThat(store().get("nobody")).isNull();
        assertThat(store().size()).isEqualTo(1);
    }

    @Test
    void withoutAnIdleTimeoutSessionsNeverIdleOutButDisconnectedOnesStillEnd() {
        SessionStore forever = newStore(Duration.ZERO, clock);
        forever.register(opened("u1", "Alice"));
        forever.register(opened("u2", "Bob"));
        forever.markDisconnected("u2");

        clock.advance(Duration.ofDays(3));

        assertThat(forever.get("u1")).isNotNull();
        assertThat(forever.register(opened("u1", "Alice"))).isFalse();
        assertThat(forever.sessions()).extracting(Session::userId).containsExactly("u1");
    }

    @Test
    void removeEndsTheSession() {
        store().register(opened("u1", "Alice"));
        store().remove("u1");
        store().remove("nobody");

        assertThat(store().get("u1")).isNull();
        assertThat(store().size()).isZero();
        assertThat(store().register(opened("u1", "Alice"))).isTrue();
    }

    @Test
    void sessionsIsASnapshotOfEveryLiveSession() {
        store().register(opened("u1", "Alice"));
        store().register(opened("u2", "Bob"));
        store().markDisconnected("u2");

        assertThat(store().sessions()).extracting(Session::userId, Session::isConnected)
                .containsExactlyInAnyOrder(tuple("u1", true),
                        tuple("u2", false));
    }

    @Test
    void eightThreadsRegisteringOneCustomerAddItExactlyOnce() throws Exception {
        int threads = 8;
        SessionStore shared = store();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String owner = "node-" + i;
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return shared.register(Session.opened("u1", "Alice", "en_US", clock.millis(), owner));
                }));
            }
            int added = 0;
            for (Future<Boolean> r : results) {
                added += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(added).isEqualTo(1);
            assertThat(shared.size()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoInstancesOnOneDatabaseShareSessions() throws Exception {
        assumeTrue(instancesShareState(), "instances of this twin keep their own state");
        SessionStore other = newStore(IDLE, clock);

        assertThat(store().register(opened("u1", "Alice"))).isTrue();
        assertThat(other.register(opened("u1", "Alice"))).isFalse();
        assertThat(other.sessions()).extracting(Session::userId).containsExactly("u1");

        other.markDisconnected("u1");
        assertThat(store().isConnected("u1")).isFalse();

        store().remove("u1");
        assertThat(other.get("u1")).isNull();
    }
}
