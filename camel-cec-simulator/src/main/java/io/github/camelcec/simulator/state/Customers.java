package io.github.camelcec.simulator.state;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Every customer the simulator has seen, by userId. */
public final class Customers {

    private final Map<String, Customer> byUserId = new ConcurrentHashMap<>();
    private final AtomicInteger liveSessions = new AtomicInteger();

    public Customer getOrCreate(String userId) {
        Customer c = byUserId.get(userId);
        return c != null ? c : byUserId.computeIfAbsent(userId, id -> new Customer(id, liveSessions));
    }

    /** The customer, or null if never seen. */
    public Customer find(String userId) {
        return userId == null ? null : byUserId.get(userId);
    }

    public Collection<Customer> all() {
        return byUserId.values();
    }

    public int liveSessionCount() {
        return liveSessions.get();
    }

    public void clear() {
        byUserId.clear();
        liveSessions.set(0);
    }
}
