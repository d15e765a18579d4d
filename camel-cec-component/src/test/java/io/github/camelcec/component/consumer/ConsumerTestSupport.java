package io.github.camelcec.component.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConstants;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.support.SimulatorComponents;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Camel context with a {@code cec} component on the simulator, and a record of what consumer routes received. */
abstract class ConsumerTestSupport {

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    protected CamelContext context;
    protected ProducerTemplate template;
    protected CecComponent component;
    /** Every exchange a consumer route completed, per customer, in arrival order. */
    protected final Map<String, List<DownlinkMessage>> received = new ConcurrentHashMap<>();
    protected final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    protected void startCamel(RouteBuilder routes) throws Exception {
        startCamel(routes, c -> {
        });
    }

    /** As {@link #startCamel(RouteBuilder)}, {@code configure} running on the context and component before start. */
    protected void startCamel(RouteBuilder routes, java.util.function.Consumer<CamelContext> configure)
            throws Exception {
        context = new DefaultCamelContext();
        component = SimulatorComponents.componentFor(sim());
        context.addComponent("cec", component);
        configure.accept(context);
        // as Camel Main does with camel.health.enabled=true
        HealthCheckRegistry health = new DefaultHealthCheckRegistry();
        health.setCamelContext(context);
        health.register(health.resolveById("routes"));
        health.register(health.resolveById("consumers"));
        health.register(health.resolveById("producers"));
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, health);
        context.addRoutes(routes);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    static CecSimulator sim() {
        return SIM.simulator();
    }

    /** The processor a test route ends with: records the delivered message. */
    protected void record(Exchange exchange) {
        DownlinkMessage message = exchange.getMessage().getBody(DownlinkMessage.class);
        String userId = exchange.getMessage().getHeader(CecConstants.USER_ID, String.class);
        received.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>()).add(message);
        exchanges.add(exchange);
    }

    /** Connects the customer through cec:send, so the component registers the session. */
    protected void connect(String userId) {
        template.sendBodyAndHeaders("cec:send", "", Map.of(CecConstants.USER_ID, userId,
                CecConstants.CONTROL_TYPE, "CONNECT"));
    }

    protected List<String> contents(String userId, String sourceType) {
        List<String> out = new ArrayList<>();
        for (DownlinkMessage m : received.getOrDefault(userId, List.of())) {
            if (sourceType.equals(m.getSourceType())) {
                out.add(m.getContent());
            }
        }
        return out;
    }

    protected int receivedCount() {
        return received.values().stream().mapToInt(List::size).sum();
    }
}
