package io.github.camelcec.component.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.camelcec.simulator.ManualClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What every {@link CustomerTokenStore} twin does; each backend runs it by extending this class. */
public abstract class CustomerTokenStoreContract {

    protected final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private CustomerTokenStore store;

    /** A store on this test's state; for a shared backend, a second call is a second JVM on the same tables. */
    protected abstract CustomerTokenStore newStore(Clock clock);

    /** Whether two instances from {@link #newStore} see each other's tokens (a table does, a map does not). */
    protected abstract boolean instancesShareState();

    /** The test's store, created on first use (after the subclass opened its database). */
    protected CustomerTokenStore store() {
        if (store == null) {
            store = newStore(clock);
        }
        return store;
    }

    private CustomerToken token(String value, Duration validFor) {
        return new CustomerToken(value, clock.instant().plus(validFor));
    }

    @Test
    void putThenGetReturnsTheToken() {
        CustomerToken t = token("tok-1", Duration.ofMinutes(10));

        store().put("u1", t);

        assertThat(store().get("u1")).isEqualTo(t);
        assertThat(store().size()).isEqualTo(1);
        assertThat(store().get("u2")).isNull();
    }

    @Test
    void putReplacesTheCustomersToken() {
        store().put("u1", token("tok-1", Duration.ofMinutes(10)));
        CustomerToken newer = token("tok-2", Duration.ofMinutes(20));

        store().put("u1", newer);

        assertThat(store().get("u1")).isEqualTo(newer);
        assertThat(store().size()).isEqualTo(1);
    }

    @Test
    void removeOfTheExpectedTokenRemovesIt() {
        CustomerToken t = token("tok-1", Duration.ofMinutes(10));
        store().put("u1", t);

        store().remove("u1", store().get("u1"));

        assertThat(store().get("u1")).isNull();
    }

    @Test
    void removeOfAStaleTokenKeepsTheNewerOne() {
        CustomerToken stale = token("tok-1", Duration.ofMinutes(10));
        store().put("u1", stale);
        CustomerToken newer = token("tok-2", Duration.ofMinutes(10));
        store().put("u1", newer);

        store().remove("u1", stale);
        store().remove("u1", new CustomerToken("tok-2", newer.expiresAt().plusSeconds(1)));

        assertThat(store().get("u1")).isEqualTo(newer);
    }

    @Test
    void removeForgetsTheCustomer() {
        store().put("u1", token("tok-1", Duration.ofMinutes(10)));
        store().put("u2", token("tok-2", Duration.ofMinutes(10)));

        store().remove("u1");
        store().remove("nobody");

        assertThat(store().get("u1")).isNull();
        assertThat(store().get("u2")).isNotNull();
        assertThat(store().size()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsReturnedForTheCallerToRenew() {
        CustomerToken t = token("tok-1", Duration.ofMinutes(10));
        store().put("u1", t);
        clock.advance(Duration.ofMinutes(11));

        assertThat(store().get("u1").isExpired(clock.instant())).isTrue();
    }

    @Test
    void twoInstancesOnOneDatabaseShareTokens() {
        assumeTrue(instancesShareState(), "instances of this twin keep their own state");
        CustomerTokenStore other = newStore(clock);
        CustomerToken t = token("tok-1", Duration.ofMinutes(10));

        store().put("u1", t);

        assertThat(other.get("u1")).isEqualTo(t);
        other.remove("u1", t);
        assertThat(store().get("u1")).isNull();
    }
}
