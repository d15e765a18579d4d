package io.github.camelcec.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camelcec.component.model.DownlinkMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * Soak: agent messages numbered per customer flow to a cec:poll route while the simulator answers 5xx and resets
 * polls, fails token calls, expires customer and gateway tokens, and the route itself fails one exchange in ten.
 * Afterwards every customer's completed deliveries must be exactly 0..n-1, in order.
 */
public final class FaultSoakBenchmark {

    static final int CUSTOMERS = 50;
    static final int MESSAGES_PER_SECOND = 100;

    private FaultSoakBenchmark() {
    }

    public static void run(Mode mode, SimulatorHandle sim, Results results) throws Exception {
        int seconds = mode.soakSeconds();
        results.detail("== fault soak: %d customers, %d agent messages/s for %d s; POLL 5 %% HTTP 503 + 2 %% resets, "
                       + "tokenByAkSk/applyToken 10 %% HTTP 500, customer tokens expired 5 at a time every 2 s, gateway "
                       + "tokens expired every 5 s, 10 %% of route exchanges fail", CUSTOMERS, MESSAGES_PER_SECOND, seconds);
        Map<String, List<Integer>> received = new ConcurrentHashMap<>();
        CamelContext camel = CamelSetup.context(sim, new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=200&maxIdleDelay=200").routeId("soak")
                        .process(e -> {
                            if (ThreadLocalRandom.current().nextInt(10) == 0) {
                                throw new IllegalStateException("the route failed on purpose");
                            }
                        })
                        .process(e -> {
                            String content = e.getMessage().getBody(DownlinkMessage.class).getContent();
                            if (content != null && content.startsWith("soak-")) {
                                String[] parts = content.split("-");
                                received.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(Integer.parseInt(parts[2]));
                            }
                        });
            }
        });
        try {
            CamelSetup.connect(camel, CUSTOMERS, i -> "soak" + i);
            Map<String, Long> before = sim.counters();
            sim.faults(Map.of("operation", "POLL", "errorRate", 0.05, "status", 503, "resetRate", 0.02, "seed", 42));
            sim.faults(Map.of("operation", "APPLY_TOKEN", "errorRate", 0.1, "status", 500));
            sim.faults(Map.of("operation", "TOKEN_BY_AKSK", "errorRate", 0.1, "status", 500));
            int[] sent = new int[CUSTOMERS];
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long interval = 1_000_000_000L / MESSAGES_PER_SECOND;
            long next = start;
            long lastExpiry = start;
            long lastGatewayExpiry = start;
            int c = 0;
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                if (now - lastExpiry > 2_000_000_000L) {
                    sim.faults(Map.of("expireCustomerTokenNext", 5));
                    lastExpiry = now;
                }
                if (now - lastGatewayExpiry > 5_000_000_000L) {
                    sim.expireGatewayTokens();
                    lastGatewayExpiry = now;
                }
                if (now < next) {
                    Thread.sleep(Math.max(1, (next - now) / 1_000_000));
                    continue;
                }
                next += interval;
                sim.sendAgentMessage("soak" + c, "soak-" + c + "-" + sent[c]);
                sent[c]++;
                c = (c + 1) % CUSTOMERS;
            }
            sim.clearFaults();
            long total = 0;
            for (int n : sent) {
                total += n;
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && delivered(received) < total) {
                Thread.sleep(200);
            }
            Thread.sleep(1000);
            int duplicates = 0;
            int missing = 0;
            int outOfOrder = 0;
            for (int i = 0; i < CUSTOMERS; i++) {
                List<Integer> got = received.getOrDefault(Integer.toString(i), List.of());
                java.util.Set<Integer> seen = new java.util.HashSet<>();
                int last = -1;
                for (int seq : got) {
                    if (!seen.add(seq)) {
                        duplicates++;
                    } else if (seq < last) {
                        outOfOrder++;
                    }
                    last = Math.max(last, seq);
                }
                for (int seq = 0; seq < sent[i]; seq++) {
                    if (!seen.contains(seq)) {
                        missing++;
                    }
                }
            }
            Map<String, Long> counters = sim.counters();
            results.detail("soak: %,d messages sent, %,d deliveries completed; %d duplicates, %d missing, %d out of order;"
                           + " %,d polls, %,d applyToken, %,d tokenByAkSk requests during the soak (faulted ones included)", total,
                    delivered(received), duplicates, missing, outOfOrder, counters.get("POLL") - before.get("POLL"),
                    counters.get("APPLY_TOKEN") - before.get("APPLY_TOKEN"),
                    counters.get("TOKEN_BY_AKSK") - before.get("TOKEN_BY_AKSK"));
            results.row(String.format("fault soak, %d s: every message exactly once, in order", seconds),
                    String.format("%,d sent · %,d delivered · %d duplicates · %d missing · %d out of order", total,
                            delivered(received), duplicates, missing, outOfOrder),
                    "0 · 0 · 0", duplicates == 0 && missing == 0 && outOfOrder == 0);
        } finally {
            sim.clearFaults();
            camel.close();
        }
    }

    private static long delivered(Map<String, List<Integer>> received) {
        long n = 0;
        for (List<Integer> l : received.values()) {
            n += l.size();
        }
        return n;
    }
}
