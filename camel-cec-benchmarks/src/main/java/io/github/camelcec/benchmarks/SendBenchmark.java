package io.github.camelcec.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.camelcec.benchmarks.SendContenders.CEC;
import static io.github.camelcec.benchmarks.SendContenders.CLIENT;
import static io.github.camelcec.benchmarks.SendContenders.HTTP;
import static io.github.camelcec.benchmarks.SendContenders.HTTP_DEFAULTS;
import static io.github.camelcec.benchmarks.SendContenders.RAW;

/**
 * Send, measured as client CPU per message at a paced load that saturates nothing (product.md §5): raw HttpClient,
 * {@code cec:send}, the hand-written camel-http route and the component's connection without Camel each send
 * {@value #RATE} msg/s in alternating windows, with CEC on loopback and then {@value #REMOTE_LATENCY_MS} ms away (the
 * simulator's latency fault). Then, with CEC {@value #REMOTE_LATENCY_MS} ms away, where the network and not the CPU
 * limits, throughput with 64 closed-loop senders, each contender on its defaults.
 */
public final class SendBenchmark {

    static final int CONCURRENCY = 64;
    static final int CUSTOMERS_PER_SENDER = 4;
    /** The paced rate, msg/s: about a tenth of what the client can do on this machine, a fifth of the CPU. */
    static final int RATE = Integer.getInteger("cec.bench.rate", 2000);
    /** Enough sender threads for {@link #RATE} × (20 ms + the client's own time) with room to spare. */
    static final int SENDER_THREADS = 128;
    /** CEC's answer delay in the "remote CEC" phases: a real CEC is across a network, not on loopback. */
    static final int REMOTE_LATENCY_MS = 20;

    /** The paced contenders; {@code -Dcec.bench.contenders=cec} runs only some (e.g. under a profiler). */
    private static final String[] PACED = System.getProperty("cec.bench.contenders", RAW + "," + CEC + "," + HTTP
                                                                                     + "," + CLIENT).split(",");

    private SendBenchmark() {
    }

    public static void run(Mode mode, SimulatorHandle sim, Results results) throws Exception {
        results.detail("== send: paced at %,d msg/s, %d sender threads, %d alternating windows of %d ms (+%d ms warm-up) "
                       + "per contender; %d customers per contender", RATE, SENDER_THREADS, mode.pacedRounds(),
                mode.pacedWindowMillis(), mode.pacedWarmupMillis(), CONCURRENCY * CUSTOMERS_PER_SENDER);
        ProcessMeter meter = new ProcessMeter(sim.processHandle());
        try (SendContenders contenders = new SendContenders(sim); PacedLoad load = new PacedLoad(SENDER_THREADS)) {
            // warm both JVMs (the simulator's JIT included) and connect every customer before anything counts
            boolean all = PACED.length == 4;
            for (String name : all ? new String[] { RAW, CEC, HTTP, CLIENT, HTTP_DEFAULTS } : PACED) {
                ClosedLoop.run("warm-" + name, CONCURRENCY, 0, mode.warmupSeconds(), contenders.request(name), meter);
            }
            // quick checks the target's phase only
            if (!Boolean.getBoolean("cec.bench.remoteOnly") && !mode.name().equals("quick")) {
                paced(mode, results, contenders, load, meter, 0);
            }
            sim.faults(Map.of("operation", "SEND", "latencyMs", REMOTE_LATENCY_MS));
            try {
                paced(mode, results, contenders, load, meter, REMOTE_LATENCY_MS);
                if (all) {
                    remoteThroughput(mode, results, contenders, meter);
                }
            } finally {
                sim.clearFaults();
            }
        }
    }

    /** Every contender at {@link #RATE} msg/s, in alternating windows; CPU-µs per message per window. */
    private static void paced(Mode mode, Results results, SendContenders contenders, PacedLoad load, ProcessMeter meter,
                              int latencyMs) throws Exception {
        String where = latencyMs == 0 ? "loopback" : "CEC " + latencyMs + " ms away";
        Map<String, List<PacedLoad.Window>> windows = new LinkedHashMap<>();
        for (String name : PACED) {
            windows.put(name, new ArrayList<>());
        }
        for (int r = 0; r < mode.pacedRounds(); r++) {
            for (int i = 0; i < PACED.length; i++) {
                String name = PACED[(i + r) % PACED.length];
                PacedLoad.Window w = load.run(name, RATE, mode.pacedWarmupMillis(), mode.pacedWindowMillis(),
                        contenders.request(name), meter);
                windows.get(name).add(w);
                results.detail("send paced %s round %d %-6s %,6.0f msg/s  %6.1f CPU-µs/msg  failures %d  backlog %d  "
                               + "client CPU %3.0f %%  simulator CPU %3.0f %%  threads %d  load %.2f", where, r + 1, name,
                        w.perSecond(), w.cpuMicrosPerMessage(), w.failures(), w.backlog(), w.cpu().cpuPercent(),
                        w.cpu().simulatorCpuPercent(), w.cpu().threads(), ProcessMeter.loadAverage());
            }
        }
        if (!windows.keySet().containsAll(List.of(RAW, CEC, HTTP, CLIENT))) {
            return;
        }
        String row = "send, client CPU-µs per message at " + Results.f0(RATE) + " msg/s, " + where;
        Spread raw = Spread.of(windows.get(RAW));
        results.row(row + ", cec:send / raw HttpClient",
                ratio(windows, CEC, raw), "≤ 1.10", ratioOf(windows, CEC) <= 1.10);
        results.row(row + ", hand-written camel-http route / raw HttpClient", ratio(windows, HTTP, raw), "(reported)",
                null);
        results.row(row + ", the component's connection without Camel / raw HttpClient", ratio(windows, CLIENT, raw),
                "(reported)", null);
    }

    /** "median µs (min … max) / raw's median µs (min … max) = **ratio of medians** (rounds: ratio range)". */
    private static String ratio(Map<String, List<PacedLoad.Window>> windows, String name, Spread raw) {
        Spread mine = Spread.of(windows.get(name));
        double[] perRound = perRoundRatios(windows, name);
        return String.format(Locale.ROOT, "%s / %s µs = **%.2f** (rounds %.2f … %.2f)", mine, raw,
                mine.median() / raw.median(), perRound[0], perRound[perRound.length - 1]);
    }

    private static double ratioOf(Map<String, List<PacedLoad.Window>> windows, String name) {
        return Spread.of(windows.get(name)).median() / Spread.of(windows.get(RAW)).median();
    }

    /** Each round's contender / raw, sorted. */
    private static double[] perRoundRatios(Map<String, List<PacedLoad.Window>> windows, String name) {
        List<PacedLoad.Window> mine = windows.get(name);
        List<PacedLoad.Window> raw = windows.get(RAW);
        double[] r = new double[mine.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = mine.get(i).cpuMicrosPerMessage() / raw.get(i).cpuMicrosPerMessage();
        }
        Arrays.sort(r);
        return r;
    }

    /** Median, least and most CPU-µs per message over a contender's windows. */
    record Spread(double median, double min, double max) {

        static Spread of(List<PacedLoad.Window> windows) {
            double[] v = windows.stream().mapToDouble(PacedLoad.Window::cpuMicrosPerMessage).sorted().toArray();
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            return new Spread(median, v[0], v[v.length - 1]);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f (%.0f … %.0f)", median, min, max);
        }
    }

    /**
     * With CEC {@value #REMOTE_LATENCY_MS} ms away throughput is bound by requests in flight, not by CPU: 64 closed-loop
     * senders, each contender on its defaults (camel-http: 20 connections per route), and the route with its pool
     * raised to 200 for comparison.
     */
    private static void remoteThroughput(Mode mode, Results results, SendContenders contenders, ProcessMeter meter)
            throws Exception {
        results.detail("== send throughput with CEC %d ms away, %d closed-loop senders", REMOTE_LATENCY_MS, CONCURRENCY);
        Map<String, Double> rate = new LinkedHashMap<>();
        for (String name : new String[] { RAW, CEC, HTTP_DEFAULTS, HTTP }) {
            ClosedLoop.Outcome o = ClosedLoop.run(name + "@" + REMOTE_LATENCY_MS + "ms", CONCURRENCY,
                    Math.min(2, mode.warmupSeconds()), mode.measureSeconds(), contenders.request(name), meter);
            results.detail("send %-10s %,9.0f msg/s  p50 %6.2f ms  p99 %6.2f ms  failures %d  client CPU %.0f %%  "
                           + "simulator CPU %.0f %%  threads %d", o.name(), o.perSecond(), o.p50(), o.p99(),
                    o.failures(), o.cpu().cpuPercent(), o.cpu().simulatorCpuPercent(), o.cpu().threads());
            rate.put(name, o.perSecond());
        }
        double vsDefaults = rate.get(CEC) / rate.get(HTTP_DEFAULTS);
        results.row("send throughput with CEC " + REMOTE_LATENCY_MS + " ms away, each on its defaults: cec:send / "
                    + "hand-written camel-http route",
                Results.f0(rate.get(CEC)) + " / " + Results.f0(rate.get(HTTP_DEFAULTS)) + " msg/s = **"
                + Results.f2(vsDefaults) + "**", "≥ 1.5", vsDefaults >= 1.5);
        results.row("send throughput with CEC " + REMOTE_LATENCY_MS + " ms away: raw HttpClient · the route with its "
                    + "pool raised to 200", Results.f0(rate.get(RAW)) + " · " + Results.f0(rate.get(HTTP)) + " msg/s",
                "(reported)", null);
    }
}
