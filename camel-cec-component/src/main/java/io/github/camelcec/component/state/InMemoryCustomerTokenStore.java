package io.github.camelcec.component.state;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default store: a concurrent map that drops expired tokens once it holds more than {@code sweepThreshold}
 * entries, so customers who come and go never make it grow without bound.
 */
public final class InMemoryCustomerTokenStore implements CustomerTokenStore {

    private static final int DEFAULT_SWEEP_THRESHOLD = 10_000;

    private final ConcurrentMap<String, CustomerToken> tokens = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int sweepThreshold;
    private final AtomicInteger putsSinceSweep = new AtomicInteger();

    public InMemoryCustomerTokenStore() {
        this(Clock.systemUTC(), DEFAULT_SWEEP_THRESHOLD);
    }

    public InMemoryCustomerTokenStore(Clock clock, int sweepThreshold) {
        this.clock = clock;
        this.sweepThreshold = sweepThreshold;
    }

    @Override
    public CustomerToken get(String userId) {
        return tokens.get(userId);
    }

    @Override
    public void put(String userId, CustomerToken token) {
        tokens.put(userId, token);
        if (tokens.size() > sweepThreshold && putsSinceSweep.incrementAndGet() >= sweepThreshold / 10) {
            putsSinceSweep.set(0);
            var now = clock.instant();
            tokens.values().removeIf(t -> t.isExpired(now));
        }
    }

    @Override
    public void remove(String userId, CustomerToken expected) {
        tokens.remove(userId, expected);
    }

    @Override
    public void remove(String userId) {
        tokens.remove(userId);
    }

    @Override
    public int size() {
        return tokens.size();
    }
}
