package io.github.camelcec.component.transport;

import java.util.Map;
import java.util.function.Consumer;

import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConstants;
import io.github.camelcec.component.support.SimulatorComponents;
import io.github.camelcec.simulator.CecSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A Camel context with one route {@code direct:in -> uri} and a cec component pointed at a simulator. */
final class TransportRoutes implements AutoCloseable {

    private final CamelContext context = new DefaultCamelContext();

    TransportRoutes(CecSimulator sim, String uri, Consumer<CamelContext> contextSetup, Consumer<CecComponent> setup)
            throws Exception {
        CecComponent component = SimulatorComponents.componentFor(sim);
        component.getConfiguration().setResponseTimeout(10_000);
        component.getConfiguration().setConnectTimeout(5_000);
        contextSetup.accept(context);
        setup.accept(component);
        context.addComponent("cec", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:in").to(uri);
            }
        });
        context.start();
    }

    TransportRoutes(CecSimulator sim, String uri, Consumer<CecComponent> setup) throws Exception {
        this(sim, uri, c -> {
        }, setup);
    }

    /** Sends the body for the customer; the exchange carries the result or the exception. */
    Exchange send(Object body, String userId) {
        return send(body, Map.of(CecConstants.USER_ID, userId));
    }

    Exchange send(Object body, Map<String, Object> headers) {
        return context.createProducerTemplate().request("direct:in", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    CamelContext context() {
        return context;
    }

    @Override
    public void close() {
        context.stop();
    }
}
