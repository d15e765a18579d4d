package io.github.camelcec.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcec.component.client.CecValidationException;
import io.github.camelcec.component.support.SimulatorComponents;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.JournalEntry;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camel context whose {@code cec} component points at a fresh simulator. {@link #call} sends through a real route
 * ({@code direct:... -> uri}) created on first use of each URI, so every exchange runs the way a user's route runs.
 */
abstract class CecRouteTestSupport {

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    static final ObjectMapper JSON = new ObjectMapper();

    protected CamelContext context;
    protected ProducerTemplate template;
    protected CecComponent component;

    private final Map<String, String> routes = new ConcurrentHashMap<>();
    private final AtomicInteger routeIds = new AtomicInteger();

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        component = SimulatorComponents.componentFor(sim());
        CecConfiguration config = component.getConfiguration();
        config.setResponseTimeout(10_000);
        configure(component);
        context.addComponent("cec", component);
        addRoutes(context);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    /** Adjusts the component before the context starts. */
    protected void configure(CecComponent component) {
    }

    /** Adds routes before the context starts. */
    protected void addRoutes(CamelContext context) throws Exception {
    }

    static CecSimulator sim() {
        return SIM.simulator();
    }

    /** Sends body and headers through {@code direct:x -> uri}; the exchange carries the result or the exception. */
    protected Exchange call(String uri, Object body, Map<String, ?> headers) {
        String from = routes.computeIfAbsent(uri, u -> {
            String direct = "direct:route-" + routeIds.incrementAndGet();
            try {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        // the exception stays on the exchange for the test to inspect, without an ERROR log
                        errorHandler(noErrorHandler());
                        from(direct).to(u)
                                // where the route goes on after the producer (see SharedTokensTest)
                                .process(e -> e.getMessage().setHeader("continuedOn", Thread.currentThread().getName()));
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return direct;
        });
        return template.request(from, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    protected Exchange call(String uri, Object body, String userId) {
        return call(uri, body, Map.of(CecConstants.USER_ID, userId));
    }

    /** The exchange must have succeeded; returns it. */
    static Exchange ok(Exchange exchange) {
        assertThat(exchange.getException()).as("exchange exception").isNull();
        return exchange;
    }

    static String header(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }

    /** The JSON bodies the simulator received for the operation, oldest first. */
    static List<JsonNode> received(CecOperation op) {
        return sim().journal().entries(op).stream().map(CecRouteTestSupport::json).toList();
    }

    /** The JSON body of the only request of the operation. */
    static JsonNode receivedOnce(CecOperation op) {
        List<JsonNode> bodies = received(op);
        assertThat(bodies).as("requests of " + op).hasSize(1);
        return bodies.get(0);
    }

    static JournalEntry lastEntry(CecOperation op) {
        List<JournalEntry> entries = sim().journal().entries(op);
        assertThat(entries).as("requests of " + op).isNotEmpty();
        return entries.get(entries.size() - 1);
    }

    static JsonNode json(JournalEntry entry) {
        try {
            return entry.body() == null || entry.body().isEmpty() ? JSON.nullNode() : JSON.readTree(entry.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + entry.body(), e);
        }
    }

    /** The operations the simulator saw, in order. */
    static List<CecOperation> operationsSent() {
        return sim().journal().entries().stream().map(JournalEntry::operation).toList();
    }

    /** The controlType of every send, in order. */
    static List<String> controlTypesSent() {
        return received(CecOperation.SEND).stream().map(b -> b.path("controlType").asText()).toList();
    }

    /** Nothing at all reached the simulator: no token request, no CONNECT, no operation. */
    static void assertNothingSent() {
        assertThat(sim().journal().entries()).as("requests the simulator saw").isEmpty();
        assertThat(sim().journal().total()).isZero();
    }

    /** The exchange failed validation on the named field, nothing was sent, and the message names field and value. */
    static CecValidationException assertRejected(Exchange exchange, String operation, String field, String rule,
                                                 String value) {
        assertThat(exchange.getException()).isInstanceOf(CecValidationException.class);
        CecValidationException e = (CecValidationException) exchange.getException();
        assertThat(e.getOperation()).isEqualTo(operation);
        assertThat(e.getField()).isEqualTo(field);
        assertThat(e.getRule()).contains(rule);
        assertThat(e.getMessage()).contains("'" + field + "'").contains(rule);
        if (value != null) {
            assertThat(e.getValue()).contains(value);
            assertThat(e.getMessage()).contains(value.length() > 64 ? value.substring(0, 64) : value);
        }
        assertNothingSent();
        return e;
    }

    /** Connects the customer through the component (and clears the journal, so a test sees only its own requests). */
    protected void connect(String userId) {
        ok(call("cec:send", null, Map.of(CecConstants.USER_ID, userId, CecConstants.CONTROL_TYPE, "CONNECT")));
        sim().journal().clear();
    }
}
