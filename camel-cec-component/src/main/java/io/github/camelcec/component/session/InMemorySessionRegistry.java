package io.github.camelcec.component.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.camelcec.component.model.Customer;

/** The default registry: a concurrent map from userId to the customer and the time of its last activity. */
public final class InMemorySessionRegistry implements SessionRegistry {

    /** Kept small: one of these per live session. */
    private static final class Entry {
        final Customer customer;
        volatile long lastActivity;

        Entry(Customer customer, long now) {
            this.customer = customer;
            this.lastActivity = now;
        }
    }

    private final ConcurrentMap<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemorySessionRegistry() {
        this(Clock.systemUTC());
    }

    public InMemorySessionRegistry(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean register(Customer customer) {
        return sessions.putIfAbsent(customer.userId(), new Entry(customer, clock.millis())) == null;
    }

    @Override
    public void remove(String userId) {
        sessions.remove(userId);
    }

    @Override
    public boolean isActive(String userId) {
        return sessions.containsKey(userId);
    }

    @Override
    public Customer get(String userId) {
        Entry e = sessions.get(userId);
        return e == null ? null : e.customer;
    }

    @Override
    public Collection<Customer> customers() {
        List<Customer> snapshot = new ArrayList<>(sessions.size());
        sessions.values().forEach(e -> snapshot.add(e.customer));
        return snapshot;
    }

    @Override
    public void touch(String userId) {
        Entry e = sessions.get(userId);
        if (e != null) {
            e.lastActivity = clock.millis();
        }
    }

    @Override
    public long lastActivity(String userId) {
        Entry e = sessions.get(userId);
        return e == null ? -1 : e.lastActivity;
    }

    @Override
    public int size() {
        return sessions.size();
    }
}
