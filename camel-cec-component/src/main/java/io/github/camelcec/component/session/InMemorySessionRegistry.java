package io.github.camelcec.component.session;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.camelcec.component.model.Customer;

/** The default registry: a concurrent map from userId to customer. */
public final class InMemorySessionRegistry implements SessionRegistry {

    private final ConcurrentMap<String, Customer> sessions = new ConcurrentHashMap<>();

    @Override
    public boolean register(Customer customer) {
        return sessions.putIfAbsent(customer.userId(), customer) == null;
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
        return sessions.get(userId);
    }

    @Override
    public Collection<Customer> customers() {
        return List.copyOf(sessions.values());
    }

    @Override
    public int size() {
        return sessions.size();
    }
}
