package io.github.camelcec.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcec.component.model.DownlinkMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code from("cec:poll?delay=1000")} over N connected customers (maxIdleDelay=1000, so no customer slows down:
 * every session is polled every second), against the raw client polling the same number of sessions, paced at one
 * poll per session per second and unpaced (its best). Agent messages are injected at a steady rate and timed to the
 * route (and, at 1,000, to a Kafka record read back from the in-process broker). The latency target is read here; the
 * rate and CPU targets in {@link PacedPollBenchmark}.
 */
public final class PollFanoutBenchmark {

    static final int MAX_CONCURRENT_POLLS = 50;
    static final int PROBES_PER_SECOND = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PollFanoutBenchmark() {
    }

    /** What one phase achieved. */
    record Phase(double pollsPerSecond, ProcessMeter.Sample cpu, double p50, double p99, int probes) {
    }

    public static void run(Mode mode, SimulatorHandle sim, Results results, int customers, String kafkaBrokers)
            throws Exception {
        int warmup = Math.max(4, mode.warmupSeconds());
        int measure = mode.pollMeasureSeconds();
        results.detail("== poll fan-out: %,d customers, delay 1 s, maxConcurrentPolls %d, %d s warm-up + %d s measured, "
                       + "%d agent messages/s", customers, MAX_CONCURRENT_POLLS, warmup, measure, PROBES_PER_SECOND);
        Phase component = component(sim, customers, "f" + customers + "c-", warmup, measure, null);
        log(results, "cec:poll → route", component);
        Phase viaKafka = null;
        if (kafkaBrokers != null) {
            viaKafka = component(sim, customers, "f" + customers + "k-", warmup, measure, kafkaBrokers);
            log(results, "cec:poll → kafka", viaKafka);
        }
        Phase paced = raw(sim, customers, "f" + customers + "r-", warmup, measure, true);
        log(results, "raw client, 1 poll/session/s", paced);
        Phase best = raw(sim, customers, "f" + customers + "r-", 2, measure, false);
        log(results, "raw client, unpaced (best)", best);

        double ratio = component.pollsPerSecond() / paced.pollsPerSecond();
        results.row(String.format("poll fan-out at %,d sessions, 1 s: cec:poll / raw client (same cadence)", customers),
                String.format("%s / %s polls/s = **%.3f**; raw unpaced best %s polls/s", Results.f0(component.pollsPerSecond()),
                        Results.f0(paced.pollsPerSecond()), ratio, Results.f0(best.pollsPerSecond())),
                "(reported; the rate target is PacedPollBenchmark's)", null);
        results.row(String.format("poll fan-out at %,d: client CPU · simulator CPU · live threads", customers),
                String.format("%.0f %% · %.0f %% of 2 cores · %d (raw paced: %.0f %% · %.0f %% · %d)",
                        component.cpu().cpuPercent(), component.cpu().simulatorCpuPercent(), component.cpu().threads(),
                        paced.cpu().cpuPercent(), paced.cpu().simulatorCpuPercent(), paced.cpu().threads()),
                "(reported)", null);
        results.row(String.format("agent message → route latency at %,d, p50 / p99", customers),
                String.format("%.0f / %.0f ms (%d messages)", component.p50(), component.p99(), component.probes()),
                "(reported)", null);
        if (viaKafka != null) {
            results.row(String.format("agent message → Kafka record at %,d, p50 / **p99**", customers),
                    String.format("%.0f / **%.0f** ms (%d messages)", viaKafka.p50(), viaKafka.p99(), viaKafka.probes()),
                    "p99 ≤ 1,100 ms", viaKafka.p99() <= 1100);
        }
    }

    private static void log(Results results, String what, Phase p) {
        results.detail("%-30s %,8.0f polls/s  client CPU %3.0f %%  simulator CPU %3.0f %%  threads %3d (peak %d)  "
                       + "latency p50 %s ms p99 %s ms (%d)", what, p.pollsPerSecond(), p.cpu().cpuPercent(),
                p.cpu().simulatorCpuPercent(), p.cpu().threads(), p.cpu().peakThreads(),
                Double.isNaN(p.p50()) ? "-" : Results.f0(p.p50()), Double.isNaN(p.p99()) ? "-" : Results.f0(p.p99()),
                p.probes());
    }

    private static Phase component(SimulatorHandle sim, int customers, String prefix, int warmup, int measure,
                                   String kafkaBrokers) throws Exception {
        ProbeInjector[] probes = new ProbeInjector[1];
        String poll = "cec:poll?delay=1000&initialDelay=0&maxIdleDelay=1000&maxConcurrentPolls=" + MAX_CONCURRENT_POLLS;
        CamelContext camel = CamelSetup.context(sim, new RouteBuilder() {
            @Override
            public void configure() {
                if (kafkaBrokers == null) {
                    from(poll).routeId("poll").autoStartup(false)
                            .process(e -> probes[0].received(e.getMessage().getBody(DownlinkMessage.class).getContent()));
                } else {
                    from(poll).routeId("poll").autoStartup(false).to("kafka:chat?brokers=" + kafkaBrokers);
                }
            }
        });
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread kafkaReader = null;
        try {
            CamelSetup.connect(camel, customers, i -> prefix + i);
            probes[0] = new ProbeInjector(sim, customers, i -> prefix + i, PROBES_PER_SECOND);
            if (kafkaBrokers != null) {
                kafkaReader = kafkaReader(kafkaBrokers, probes[0], reading);
            }
            camel.getRouteController().startRoute("poll");
            probes[0].start();
            Thread.sleep(warmup * 1000L);
            ProcessMeter meter = new ProcessMeter(sim.processHandle());
            long before = sim.count("POLL");
            probes[0].recording(true);
            meter.start();
            Thread.sleep(measure * 1000L);
            ProcessMeter.Sample cpu = meter.stop();
            long polls = sim.count("POLL") - before;
            probes[0].close();
            // let the last probes arrive (they are timed only while recording)
            Thread.sleep(1500);
            probes[0].recording(false);
            Latencies l = probes[0].latencies();
            return new Phase(polls / (double) measure, cpu, l.percentileMillis(0.5), l.percentileMillis(0.99), l.count());
        } finally {
            reading.set(false);
            if (kafkaReader != null) {
                kafkaReader.join(5000);
            }
            camel.close();
        }
    }

    private static Thread kafkaReader(String brokers, ProbeInjector probes, AtomicBoolean reading) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of("chat"));
        // join the group before the first probe, so "latest" misses nothing we time
        long until = System.currentTimeMillis() + 10_000;
        while (consumer.assignment().isEmpty() && System.currentTimeMillis() < until) {
            consumer.poll(Duration.ofMillis(100));
        }
        Thread t = new Thread(() -> {
            try (consumer) {
                while (reading.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        try {
                            probes.received(JSON.readTree(record.value()).path("content").asText(null));
                        } catch (Exception ignored) {
                            // not one of ours
                        }
                    }
                }
            }
        }, "kafka-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Phase raw(SimulatorHandle sim, int customers, String prefix, int warmup, int measure, boolean paced)
            throws Exception {
        try (RawCecClient raw = new RawCecClient(sim.baseUrl(), 200).login();
             RawPoller poller = new RawPoller(raw, prefix, connectRaw(raw, customers, prefix), MAX_CONCURRENT_POLLS)) {
            poller.start(paced);
            Thread.sleep(warmup * 1000L);
            ProcessMeter meter = new ProcessMeter(sim.processHandle());
            long before = poller.polls();
            meter.start();
            Thread.sleep(measure * 1000L);
            ProcessMeter.Sample cpu = meter.stop();
            long polls = poller.polls() - before;
            return new Phase(polls / (double) measure, cpu, Double.NaN, Double.NaN, 0);
        }
    }

    /** applyToken and CONNECT for each raw customer once (a second call reuses them: tokens are cached here). */
    private static final java.util.Map<String, String[]> RAW_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    static String[] connectRaw(RawCecClient raw, int customers, String prefix) throws Exception {
        String[] cached = RAW_TOKENS.get(prefix);
        if (cached != null) {
            return cached;
        }
        String[] tokens = new String[customers];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            Future<?>[] workers = new Future<?>[64];
            for (int w = 0; w < workers.length; w++) {
                workers[w] = pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < customers; i = next.getAndIncrement()) {
                        tokens[i] = raw.applyToken(prefix + i);
                        raw.send(prefix + i, tokens[i], "CONNECT", "").get();
                        raw.poll(prefix + i, tokens[i]).get();
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
        RAW_TOKENS.put(prefix, tokens);
        return tokens;
    }
}
