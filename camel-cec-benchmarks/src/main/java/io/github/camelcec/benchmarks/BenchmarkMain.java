package io.github.camelcec.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.github.camelcec.testsupport.EmbeddedKafka;

/**
 * Runs the harnesses of docs/performance.md in one JVM against one simulator and prints the table of figures against
 * product.md §5 (also written to camel-cec-benchmarks/target/benchmark-results/).
 * <p>
 * Arguments: {@code quick|full|smoke [send] [poll] [fanout] [memory] [tokens] [faults] [state] [replicas]}. No names:
 * in {@code quick} the paced send and poll harnesses (about a minute), otherwise all but {@code replicas}, which starts
 * JVMs of its own and runs only when named.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Results results = run(args);
        Path file = results.write(header(args));
        System.out.println();
        System.out.println(results.markdown(header(args)));
        System.out.println("written to " + file.toAbsolutePath());
        System.exit(0);
    }

    public static Results run(String... args) throws Exception {
        // kafka-test-common-runtime ships a log4j2.yaml of its own; ours keeps the figures readable
        System.setProperty("log4j2.configurationFile", "log4j2-benchmarks.xml");
        Mode mode = Mode.of(args.length > 0 ? args[0] : "quick");
        List<String> only = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : mode.name().equals("quick") ? List.of("send", "poll")
                : List.of("send", "poll", "fanout", "memory", "tokens", "faults", "state");
        Results results = new Results();
        long started = System.nanoTime();
        try (SimulatorHandle sim = SimulatorHandle.start(3600)) {
            results.detail("simulator: %s at %s; client JVM: %s, %d cores, max heap %,d MiB", sim.kind(),
                    sim.baseUrl(), System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            if (only.contains("send")) {
                SendBenchmark.run(mode, sim, results);
            }
            if (only.contains("poll")) {
                for (int sessions : mode.sessions()) {
                    PacedPollBenchmark.run(mode, sim, results, sessions);
                }
            }
            if (only.contains("fanout")) {
                try (EmbeddedKafka kafka = mode.name().equals("smoke") ? null : EmbeddedKafka.start()) {
                    PollFanoutBenchmark.run(mode, sim, results, 1_000, kafka == null ? null : kafka.bootstrapServers());
                }
            }
            if (only.contains("memory")) {
                MemoryBenchmark.run(sim, results);
            }
            if (only.contains("faults")) {
                FaultSoakBenchmark.run(mode, sim, results);
            }
            if (only.contains("state")) {
                StateBenchmark.run(mode, sim, results);
            }
            if (only.contains("replicas")) {
                ReplicaBenchmark.run(mode, sim, results);
            }
        }
        if (only.contains("tokens")) {
            TokenBenchmark.run(mode, results);
        }
        results.detail("total %.0f s", (System.nanoTime() - started) / 1e9);
        return results;
    }

    private static String header(String[] args) {
        return "camel-cec benchmarks, mode " + (args.length > 0 ? String.join(" ", args) : "quick") + ", "
               + ManagementFactory.getRuntimeMXBean().getVmName() + " " + System.getProperty("java.version") + ", "
               + Runtime.getRuntime().availableProcessors() + " cores, load average at the end "
               + String.format(java.util.Locale.ROOT, "%.2f", ProcessMeter.loadAverage());
    }
}
