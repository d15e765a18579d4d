package io.github.camelcec.component.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.Customer;

/**
 * product.md §2: CONNECT before a customer's first message. Concurrent first messages of one customer share one
 * CONNECT; a successful CONNECT registers the session.
 */
public final class SessionConnector {

    private final SessionRegistry registry;
    private final ConcurrentMap<String, CompletableFuture<CecResult>> connecting = new ConcurrentHashMap<>();

    public SessionConnector(SessionRegistry registry) {
        this.registry = registry;
    }

    /**
     * Connects the customer unless a session is already registered. The result is the CONNECT's answer (null when no
     * CONNECT was needed); a non-zero result leaves the customer unregistered.
     */
    public CompletableFuture<CecResult> ensureConnected(Customer customer,
                                                        Function<Customer, CompletableFuture<CecResult>> connect) {
        if (registry.isActive(customer.userId())) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<CecResult> mine = new CompletableFuture<>();
        CompletableFuture<CecResult> running = connecting.putIfAbsent(customer.userId(), mine);
        if (running != null) {
            return running;
        }
        if (registry.isActive(customer.userId())) {
            connecting.remove(customer.userId(), mine);
            mine.complete(null);
            return mine;
        }
        CompletableFuture<CecResult> connected;
        try {
            connected = connect.apply(customer);
        } catch (RuntimeException e) {
            connected = CompletableFuture.failedFuture(e);
        }
        connected.whenComplete((result, error) -> {
            if (error == null && result != null && result.isSuccess()) {
                registry.register(customer);
            }
            connecting.remove(customer.userId(), mine);
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                mine.complete(result);
            }
        });
        return mine;
    }

    public SessionRegistry registry() {
        return registry;
    }
}
