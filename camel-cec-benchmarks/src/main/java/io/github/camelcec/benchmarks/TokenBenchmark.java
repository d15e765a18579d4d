package io.github.camelcec.benchmarks;

import java.util.Map;
import java.util.concurrent.CyclicBarrier;

import io.github.camelcec.component.CecConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Token calls under 64 concurrent senders, against a simulator whose customer tokens live {@code ttl} seconds and a
 * component asking for gateway tokens of the same lifetime. First a burst: 64 senders' first messages for one new
 * customer at the same instant. Then 64 senders over 256 customers for several lifetimes.
 */
public final class TokenBenchmark {

    private TokenBenchmark() {
    }

    public static void run(Mode mode, Results results) throws Exception {
        int ttl = mode.tokenTtlSeconds();
        int seconds = mode.tokenSeconds();
        results.detail("== tokens: 64 senders, gateway and customer token lifetime %d s, %d s of sends", ttl, seconds);
        try (SimulatorHandle sim = SimulatorHandle.start(ttl)) {
            CamelContext camel = CamelSetup.context(sim, new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").routeId("send").to("cec:send?customerTokenTtl=" + ttl);
                }
            }, ttl);
            try {
                ProducerTemplate template = camel.createProducerTemplate();
                CyclicBarrier barrier = new CyclicBarrier(64);
                Thread[] burst = new Thread[64];
                for (int s = 0; s < 64; s++) {
                    burst[s] = new Thread(() -> {
                        try {
                            barrier.await();
                            template.requestBodyAndHeader("direct:send", "hi", CecConstants.USER_ID, "hot");
                        } catch (Exception e) {
                            System.out.println("  burst: " + e);
                        }
                    });
                    burst[s].start();
                }
                for (Thread t : burst) {
                    t.join();
                }
                Map<String, Long> afterBurst = sim.counters();
                long burstGateway = afterBurst.get("TOKEN_BY_AKSK");
                long burstApply = afterBurst.get("APPLY_TOKEN");
                long burstSends = afterBurst.get("SEND");
                results.detail("burst: 64 first messages of one customer → %d tokenByAkSk, %d applyToken, %d sends "
                               + "(1 CONNECT + 64 CHAT expected)", burstGateway, burstApply, burstSends);

                ProcessMeter meter = new ProcessMeter(null);
                ClosedLoop.Outcome out = ClosedLoop.run("tokens", 64, 0, seconds, (s, n) -> {
                    template.requestBodyAndHeader("direct:send", "m" + n, CecConstants.USER_ID, "t" + s + "-" + (n % 4));
                    return true;
                }, meter);
                Map<String, Long> end = sim.counters();
                long gateway = end.get("TOKEN_BY_AKSK") - burstGateway;
                long apply = end.get("APPLY_TOKEN") - burstApply;
                // the component refreshes the gateway token a tenth of its lifetime early
                double gatewayLifetimes = seconds / (ttl * 0.9);
                long maxGateway = (long) Math.ceil(gatewayLifetimes);
                long customerLifetimes = (long) Math.ceil(seconds / (double) ttl);
                long maxApply = 256 * customerLifetimes;
                results.detail("sustained: %,.0f sends/s, %d failures; %d tokenByAkSk in %d s (%.1f lifetimes of %d s, "
                               + "refreshed at 90 %%), %d applyToken for 256 customers over %d lifetimes", out.perSecond(),
                        out.failures(), gateway, seconds, gatewayLifetimes, ttl, apply, customerLifetimes);
                boolean burstOk = burstGateway == 1 && burstApply == 1 && burstSends == 65;
                results.row("token calls: burst of 64 first messages for one customer",
                        String.format("%d tokenByAkSk · %d applyToken · %d CONNECT+CHAT", burstGateway, burstApply,
                                burstSends), "1 · 1 · 65", burstOk);
                results.row(String.format("token calls: 64 senders, 256 customers, %d s, lifetimes %d s", seconds, ttl),
                        String.format("%d tokenByAkSk (≤ %d lifetimes) · %d applyToken (256 customers × %d lifetimes = %d)",
                                gateway, maxGateway, apply, customerLifetimes, maxApply),
                        "≤ 1 per lifetime", gateway <= maxGateway && apply <= maxApply && out.failures() == 0);
            } finally {
                camel.close();
            }
        }
    }
}
