package io.github.camelcec.component.state;

/**
 * Where customer tokens live between requests. The in-memory default serves one JVM; an implementation over a shared
 * cache lets several instances use one token per customer.
 */
public interface CustomerTokenStore {

    /** The customer's token, or null. */
    CustomerToken get(String userId);

    void put(String userId, CustomerToken token);

    /** Removes the token only if it is still {@code expected}, so a newer token is never dropped by a stale caller. */
    void remove(String userId, CustomerToken expected);

    /** Forgets the customer, e.g. when the session ended. */
    void remove(String userId);

    int size();
}
