package io.github.camelcec.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * Poll fan-out as product.md §5 measures it: N sessions, each to be polled once a second, by
 * {@code cec:poll?delay=1000&maxIdleDelay=1000} and by the raw client paced the same (one poll per customer per
 * second, the same {@value PollFanoutBenchmark#MAX_CONCURRENT_POLLS} polls in flight), in alternating windows. Per
 * window: polls/s (the simulator's POLL counter) and client CPU-µs per poll. No messages flow: every poll is an empty
 * answer, the steady state of a fan-out over idle sessions. Also the live heap per session and the client's threads
 * with the consumer running. N is the mode's or {@code -Dcec.bench.sessions=10000,25000}.
 */
public final class PacedPollBenchmark {

    private PacedPollBenchmark() {
    }

    /** One window of one contender. */
    record Window(double pollsPerSecond, ProcessMeter.Sample cpu, long polls) {

        double cpuMicrosPerPoll() {
            return cpu.cpuMicrosPer(polls);
        }
    }

    public static void run(Mode mode, SimulatorHandle sim, Results results, int sessions) throws Exception {
        // a window covers at least one 1 s tick
        int warmupMillis = Math.max(1000, mode.pacedWarmupMillis());
        int windowMillis = Math.max(1000, mode.pacedWindowMillis());
        results.detail("== poll, paced: %,d sessions at 1 s, maxConcurrentPolls %d, %d alternating windows of %d ms "
                       + "(+%d ms warm-up) per contender", sessions, PollFanoutBenchmark.MAX_CONCURRENT_POLLS,
                mode.pacedRounds(), windowMillis, warmupMillis);
        String prefix = "pp" + sessions + "-";
        long heapBefore = ProcessMeter.heapAfterGc();
        CamelContext camel = CamelSetup.context(sim, new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=1000&initialDelay=0&maxIdleDelay=1000&maxConcurrentPolls="
                     + PollFanoutBenchmark.MAX_CONCURRENT_POLLS).routeId("poll").autoStartup(false)
                        .process(e -> {
                        });
            }
        });
        try (RawCecClient raw = new RawCecClient(sim.baseUrl(), 200).login()) {
            CamelSetup.connect(camel, sessions, i -> prefix + "c" + i);
            long heapConnected = ProcessMeter.heapAfterGc();
            RawPoller poller = new RawPoller(raw, prefix + "r", PollFanoutBenchmark.connectRaw(raw, sessions,
                    prefix + "r"), PollFanoutBenchmark.MAX_CONCURRENT_POLLS);
            ProcessMeter meter = new ProcessMeter(sim.processHandle());
            List<Window> cec = new ArrayList<>();
            List<Window> rawWindows = new ArrayList<>();
            // both JVMs' JIT warmed on both paths before anything counts
            camel.getRouteController().startRoute("poll");
            Thread.sleep(mode.warmupSeconds() * 2000L);
            camel.getRouteController().stopRoute("poll");
            poller.start(true);
            Thread.sleep(mode.warmupSeconds() * 2000L);
            poller.stop();
            long heapPolling = Long.MAX_VALUE;
            int peakThreads = 0;
            for (int r = 0; r < mode.pacedRounds(); r++) {
                for (int i = 0; i < 2; i++) {
                    boolean component = (i + r) % 2 == 0;
                    if (component) {
                        camel.getRouteController().startRoute("poll");
                    } else {
                        poller.start(true);
                    }
                    Thread.sleep(warmupMillis);
                    long before = sim.count("POLL");
                    meter.start();
                    Thread.sleep(windowMillis);
                    ProcessMeter.Sample cpu = meter.stop();
                    long polls = sim.count("POLL") - before;
                    Window w = new Window(polls / (cpu.wallNanos() / 1e9), cpu, polls);
                    if (component) {
                        cec.add(w);
                        peakThreads = Math.max(peakThreads, cpu.peakThreads());
                        if (r == 0) {
                            heapPolling = ProcessMeter.heapAfterGc();
                        }
                        camel.getRouteController().stopRoute("poll");
                    } else {
                        rawWindows.add(w);
                        poller.stop();
                    }
                    results.detail("poll paced %,d sessions round %d %-8s %,8.0f polls/s  %5.1f CPU-µs/poll  client CPU "
                                   + "%3.0f %%  simulator CPU %3.0f %%  threads %d  load %.2f", sessions, r + 1,
                            component ? "cec:poll" : "raw", w.pollsPerSecond(), w.cpuMicrosPerPoll(),
                            cpu.cpuPercent(), cpu.simulatorCpuPercent(), cpu.threads(), ProcessMeter.loadAverage());
                }
            }
            report(results, sessions, cec, rawWindows);
            double heapPerSession = (heapPolling - heapBefore) / (double) sessions;
            // below 10,000 sessions the context's fixed heap, divided by the sessions, decides the figure: no verdict
            results.row(String.format(Locale.ROOT, "poll at %,d sessions: client heap per session (after GC, consumer "
                                                   + "running) · client threads (peak)", sessions),
                    String.format(Locale.ROOT, "%,.0f B (connected, not polling: %,.0f B) · %d", heapPerSession,
                            (heapConnected - heapBefore) / (double) sessions, peakThreads),
                    "≤ 2,048 B", sessions >= 10_000 ? heapPerSession <= 2048 : null);
        } finally {
            camel.close();
        }
    }

    private static void report(Results results, int sessions, List<Window> cec, List<Window> raw) {
        double cecRate = median(cec.stream().mapToDouble(Window::pollsPerSecond).toArray());
        double rawRate = median(raw.stream().mapToDouble(Window::pollsPerSecond).toArray());
        double[] rates = cec.stream().mapToDouble(Window::pollsPerSecond).sorted().toArray();
        double[] rawRates = raw.stream().mapToDouble(Window::pollsPerSecond).sorted().toArray();
        results.row(String.format(Locale.ROOT, "poll at %,d sessions, 1 s: cec:poll / raw client at the same cadence",
                        sessions),
                String.format(Locale.ROOT, "%s (%s … %s) / %s (%s … %s) polls/s = **%.3f**; schedule %s polls/s",
                        Results.f0(cecRate), Results.f0(rates[0]), Results.f0(rates[rates.length - 1]),
                        Results.f0(rawRate), Results.f0(rawRates[0]), Results.f0(rawRates[rawRates.length - 1]),
                        cecRate / rawRate, Results.f0(sessions)),
                "≥ 0.95", cecRate / rawRate >= 0.95);
        double cecCpu = median(cec.stream().mapToDouble(Window::cpuMicrosPerPoll).toArray());
        double rawCpu = median(raw.stream().mapToDouble(Window::cpuMicrosPerPoll).toArray());
        double[] cpus = cec.stream().mapToDouble(Window::cpuMicrosPerPoll).sorted().toArray();
        double[] rawCpus = raw.stream().mapToDouble(Window::cpuMicrosPerPoll).sorted().toArray();
        results.row(String.format(Locale.ROOT, "poll at %,d sessions, 1 s: client CPU-µs per poll, cec:poll / raw client",
                        sessions),
                String.format(Locale.ROOT, "%.1f (%.1f … %.1f) / %.1f (%.1f … %.1f) µs = **%.2f**", cecCpu, cpus[0],
                        cpus[cpus.length - 1], rawCpu, rawCpus[0], rawCpus[rawCpus.length - 1], cecCpu / rawCpu),
                "≤ 1.10", cecCpu / rawCpu <= 1.10);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
