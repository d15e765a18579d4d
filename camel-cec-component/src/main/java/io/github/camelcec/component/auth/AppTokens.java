package io.github.camelcec.component.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.camelcec.component.client.CecException;
import io.github.camelcec.component.state.CustomerTokenStore;

/**
 * One app's tokens (cec-api §2): its gateway token and one token per customer, shared by every connection of the app
 * whatever their transport settings or locale, so the app holds one gateway token per lifetime and applies once per
 * customer. Each connection fetches and applies over its own wire ({@link AuthenticatedCaller}).
 */
public final class AppTokens {

    private final GatewayTokenManager gateway;
    private final CustomerTokenManager customers;

    public AppTokens(CustomerTokenStore store, Duration customerTokenLifetime, Clock clock) {
        this.gateway = new GatewayTokenManager(AppTokens::noDefault, clock);
        this.customers = new CustomerTokenManager((userId, userName) -> noDefault(), store, customerTokenLifetime,
                clock);
    }

    public GatewayTokenManager gateway() {
        return gateway;
    }

    public CustomerTokenManager customers() {
        return customers;
    }

    /** Every caller brings its own way to fetch; reaching here is a bug, reported rather than hung. */
    private static <T> CompletableFuture<T> noDefault() {
        return CompletableFuture.failedFuture(new CecException("token", "no token source given"));
    }
}
