package io.github.camelcec.component.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.camelcec.simulator.ManualClock;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every store of delivered messageCodes does (Camel's {@link IdempotentRepository}: the in-memory twin is
 * {@code MemoryIdempotentRepository}); each backend runs it by extending this class.
 */
public abstract class DeliveredMessageCodesContract {

    protected final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private IdempotentRepository codes;

    /** A started repository on this test's state; for a shared backend, a second call is a second JVM. */
    protected abstract IdempotentRepository newRepository();

    /**
     * A started repository that keeps codes for {@code retention} and purges older ones on start and every
     * {@code purgeEvery} adds; only for twins that {@link #keepCodesForARetention}.
     */
    protected abstract IdempotentRepository newRepository(Duration retention, int purgeEvery, Clock clock);

    /** Whether codes are dropped by age (a table) rather than by count (Camel's in-memory LRU map). */
    protected abstract boolean keepCodesForARetention();

    /** Whether two instances from {@link #newRepository} see each other's codes (a table does, a map does not). */
    protected abstract boolean instancesShareState();

    /** The test's repository, created on first use (after the subclass opened its database). */
    protected IdempotentRepository codes() {
        if (codes == null) {
            codes = newRepository();
        }
        return codes;
    }

    @AfterEach
    void stopRepository() {
        if (codes != null) {
            codes.stop();
        }
    }

    @Test
    void addIsTrueForANewCodeOnly() {
        assertThat(codes().add("c1")).isTrue();
        assertThat(codes().add("c1")).isFalse();
        assertThat(codes().add("c2")).isTrue();
    }

    @Test
    void containsTellsWhetherACodeWasAdded() {
        codes().add("c1");

        assertThat(codes().contains("c1")).isTrue();
        assertThat(codes().contains("c2")).isFalse();
    }

    @Test
    void removeForgetsACodeAndSaysWhetherItWasThere() {
        codes().add("c1");

        assertThat(codes().remove("c1")).isTrue();
        assertThat(codes().remove("c1")).isFalse();
        assertThat(codes().contains("c1")).isFalse();
        assertThat(codes().add("c1")).isTrue();
    }

    @Test
    void confirmKeepsTheCode() {
        codes().add("c1");

        assertThat(codes().confirm("c1")).isTrue();
        assertThat(codes().contains("c1")).isTrue();
    }

    @Test
    void clearForgetsEveryCode() {
        codes().add("c1");
        codes().add("c2");

        codes().clear();

        assertThat(codes().contains("c1")).isFalse();
        assertThat(codes().contains("c2")).isFalse();
    }

    @Test
    void deliveredAmongAnswersWhichCodesOfABatchWereAdded() {
        codes().add("c1");
        codes().add("c3");

        assertThat(DeliveredCodes.of(codes()).deliveredAmong(List.of("c1", "c2", "c3", "c4")))
                .containsExactlyInAnyOrder("c1", "c3");
        assertThat(DeliveredCodes.of(codes()).deliveredAmong(List.of())).isEmpty();
    }

    @Test
    void addAllAddsEveryCodeOfABatchAndSkipsTheKnownOnes() {
        codes().add("c1");

        DeliveredCodes.of(codes()).addAll(List.of("c1", "c2", "c3"));

        assertThat(codes().contains("c2")).isTrue();
        assertThat(codes().contains("c3")).isTrue();
        assertThat(codes().add("c2")).as("a batched code counts as delivered").isFalse();
        assertThat(DeliveredCodes.of(codes()).deliveredAmong(List.of("c1", "c2", "c3"))).hasSize(3);
    }

    @Test
    void twoInstancesOnOneDatabaseShareCodes() {
        assumeTrue(instancesShareState(), "instances of this twin keep their own state");
        IdempotentRepository other = newRepository();
        try {
            codes().add("c1");

            assertThat(other.add("c1")).as("a redelivery on another replica is a duplicate").isFalse();
            assertThat(other.contains("c1")).isTrue();
        } finally {
            other.stop();
        }
    }

    @Test
    void codesOlderThanTheRetentionArePurgedOnStart() {
        assumeTrue(keepCodesForARetention(), "this twin drops codes by count, not by age");
        IdempotentRepository first = newRepository(Duration.ofHours(24), 1_000, clock);
        first.add("old");
        clock.advance(Duration.ofHours(23));
        first.add("recent");
        first.stop();
        clock.advance(Duration.ofHours(1).plusMillis(1));

        IdempotentRepository restarted = newRepository(Duration.ofHours(24), 1_000, clock);
        try {
            assertThat(restarted.contains("old")).isFalse();
            assertThat(restarted.contains("recent")).isTrue();
        } finally {
            restarted.stop();
        }
    }

    @Test
    void codesOlderThanTheRetentionArePurgedEverySoManyAdds() {
        assumeTrue(keepCodesForARetention(), "this twin drops codes by count, not by age");
        IdempotentRepository repository = newRepository(Duration.ofMinutes(10), 3, clock);
        try {
            repository.add("old");
            clock.advance(Duration.ofMinutes(11));
            repository.add("a");
            assertThat(repository.contains("old")).as("kept until the third add").isTrue();

            repository.add("b");

            assertThat(repository.contains("old")).isFalse();
            assertThat(repository.contains("a")).isTrue();
            assertThat(repository.add("old")).as("a purged code counts as new").isTrue();
        } finally {
            repository.stop();
        }
    }
}
