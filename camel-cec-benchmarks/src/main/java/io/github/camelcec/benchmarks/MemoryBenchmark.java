package io.github.camelcec.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * Heap per idle session: a cec:poll consumer with default options polls every registered session; sessions are
 * added 10,000 at a time through cec:send CONNECT, their greeting delivered, then the heap is read after full GCs.
 * The simulator runs in its own JVM, so its sessions are not in this heap. The dedup cache (idempotentCacheSize,
 * default 10,000 messageCodes) fills during the first step and is bounded, so the second step is the marginal cost.
 */
public final class MemoryBenchmark {

    static final int STEP = 10_000;

    private MemoryBenchmark() {
    }

    /** With -Dcec.bench.histogram=true: the top of the live-object histogram, to see what a session costs. */
    private static void histogram(String when) throws Exception {
        if (!Boolean.getBoolean("cec.bench.histogram")) {
            return;
        }
        String histogram = (String) java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] { new String[0] }, new String[] { String[].class.getName() });
        System.out.println("histogram at " + when + ":\n" + String.join("\n",
                java.util.Arrays.asList(histogram.split("\n")).subList(0, 30)));
    }

    public static void run(SimulatorHandle sim, Results results) throws Exception {
        results.detail("== memory: heap after GC with 1,000, then +%,d, then +%,d idle sessions (default cec:poll options)",
                STEP, STEP);
        CamelContext camel = CamelSetup.context(sim, new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=1000").routeId("poll").process(e -> {
                });
            }
        });
        try {
            CamelSetup.connect(camel, 1000, i -> "mw" + i);
            Thread.sleep(3000);
            long h0 = ProcessMeter.heapAfterGc();
            CamelSetup.connect(camel, STEP, i -> "ma" + i);
            Thread.sleep(3000);
            long h1 = ProcessMeter.heapAfterGc();
            histogram("11,000 sessions");
            CamelSetup.connect(camel, STEP, i -> "mb" + i);
            Thread.sleep(3000);
            long h2 = ProcessMeter.heapAfterGc();
            histogram("21,000 sessions");
            double first = (h1 - h0) / (double) STEP;
            double marginal = (h2 - h1) / (double) STEP;
            results.detail("heap after GC: %,d B at 1,000 sessions, %,d B at 11,000, %,d B at 21,000", h0, h1, h2);
            results.row("heap per idle session (after GC)", String.format("**%,.0f B** (11k→21k sessions); %,.0f B "
                                                                          + "(1k→11k, includes filling the bounded "
                                                                          + "10,000-entry dedup cache)", marginal, first),
                    "≤ 2,048 B", marginal <= 2048);
        } finally {
            camel.close();
        }
    }
}
