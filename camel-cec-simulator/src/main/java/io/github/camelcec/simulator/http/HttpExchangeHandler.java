package io.github.camelcec.simulator.http;

/** Answers one HTTP request; called on a Netty event loop, so it must never block. */
@FunctionalInterface
public interface HttpExchangeHandler {
    void handle(HttpExchange exchange);
}
