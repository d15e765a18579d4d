package io.github.camelcec.benchmarks;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A Camel context with the cec component pointed at the simulator, and a way to connect many customers. */
final class CamelSetup {

    private CamelSetup() {
    }

    static CamelContext context(SimulatorHandle sim, RouteBuilder routes) throws Exception {
        return context(sim, routes, 600);
    }

    static CamelContext context(SimulatorHandle sim, RouteBuilder routes, int gatewayTokenTtl) throws Exception {
        return context(sim, routes, gatewayTokenTtl, cec -> {
        });
    }

    /** A context whose component {@code adjust} configures further (e.g. its state database) before it starts. */
    static CamelContext context(SimulatorHandle sim, RouteBuilder routes, int gatewayTokenTtl,
                                java.util.function.Consumer<CecComponent> adjust) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        CecComponent cec = new CecComponent();
        cec.getConfiguration().setBaseUrl(sim.baseUrl());
        cec.getConfiguration().setAppKey(SimulatorHandle.APP_KEY);
        cec.getConfiguration().setAppSecret(SimulatorHandle.APP_SECRET);
        cec.getConfiguration().setChannelConfigId(SimulatorHandle.CHANNEL_CONFIG_ID);
        cec.getConfiguration().setGatewayTokenTtl(gatewayTokenTtl);
        adjust.accept(cec);
        camel.addComponent("cec", cec);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:connect").routeId("connect").to("cec:send");
            }
        });
        if (routes != null) {
            camel.addRoutes(routes);
        }
        camel.start();
        return camel;
    }

    /** CONNECTs {@code count} customers through cec:send (64 at a time), which registers their sessions. */
    static void connect(CamelContext camel, int count, IntFunction<String> userId) throws Exception {
        ProducerTemplate template = camel.createProducerTemplate();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            Future<?>[] workers = new Future<?>[64];
            for (int w = 0; w < workers.length; w++) {
                workers[w] = pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        template.requestBodyAndHeaders("direct:connect", "",
                                Map.of(CecConstants.USER_ID, userId.apply(i), CecConstants.CONTROL_TYPE, "CONNECT"));
                    }
                    return null;
                });
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
