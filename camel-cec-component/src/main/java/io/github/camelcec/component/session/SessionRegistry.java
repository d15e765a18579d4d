package io.github.camelcec.component.session;

import java.util.Collection;

import io.github.camelcec.component.model.Customer;

/**
 * The customers with a live CEC session: added when a CONNECT succeeds, removed when the session ends (a DISCONNECT
 * downlink or the idle timeout). The {@code cec:poll} consumer polls every customer in it. The in-memory default
 * serves one JVM; an implementation over a shared store lets several instances divide the customers between them.
 */
public interface SessionRegistry {

    /** Records a live session (its activity starts now); returns false if the customer was already registered. */
    boolean register(Customer customer);

    /** Forgets the customer's session. */
    void remove(String userId);

    boolean isActive(String userId);

    /** The registered customer, or null. */
    Customer get(String userId);

    /** A snapshot of the registered customers. */
    Collection<Customer> customers();

    /** The customer sent or received a message now. Ignored for customers not registered. */
    void touch(String userId);

    /** Epoch milliseconds of the customer's last activity, or -1 when not registered. */
    long lastActivity(String userId);

    int size();
}
