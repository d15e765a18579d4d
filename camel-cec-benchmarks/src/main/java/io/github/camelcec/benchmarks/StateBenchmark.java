package io.github.camelcec.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelcec.component.CecComponent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * issue 11 / product.md §5 "durable state": {@code cec:poll → route} with the state in memory, in an H2 file and in
 * PostgreSQL (embedded, same machine). 1,000 connected customers; the agents' messages are queued in the simulator
 * first (outside the measurement), then the route is started and drains them: messages/s at saturation, and the
 * client's CPU time per message over the drain (process CPU ÷ messages). Then a paced phase that saturates nothing
 * (product.md §5): every customer polled once a second while agent messages arrive at 1,000/s, about one per poll
 * answer, sent by a child JVM so that the sending is not counted; the figure is the CPU per message of the client JVM
 * plus, for PostgreSQL, of its server processes (H2 runs inside the client JVM and is counted with it).
 */
final class StateBenchmark {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private StateBenchmark() {
    }

    /** The port of the embedded PostgreSQL server while its phase runs, else 0. */
    private static int postgresPort;

    /** Agent messages a second in the paced phase: about one per poll answer for 1,000 customers polled at 1 s. */
    private static final int PACED_RATE = 1_000;

    /**
     * @param cpuMicrosPerMessage the client JVM's CPU per message plus the database server's (PostgreSQL runs in
     *                            processes of its own, H2 in the client JVM)
     * @param dbMicrosPerMessage  the PostgreSQL server's share of it
     */
    record Drain(String backend, int messages, double seconds, double cpuMicrosPerMessage, double dbMicrosPerMessage,
                 Paced paced) {
        double perSecond() {
            return messages / seconds;
        }
    }

    /** The paced window: from the first message sent until the last one reached the route. */
    record Paced(int messages, double seconds, double cpuMicrosPerMessage, double dbMicrosPerMessage,
                 double cpuPercent) {
    }

    static void run(Mode mode, SimulatorHandle sim, Results results) throws Exception {
        int customers = 1_000;
        int perCustomer = mode.name().equals("smoke") ? 2 : mode.name().equals("quick") ? 10 : 30;
        int pacedSeconds = mode.name().equals("smoke") ? 1 : mode.name().equals("quick") ? 10 : 20;
        results.detail("== durable state: %,d customers, %d queued agent messages each, drained by cec:poll?delay=100",
                customers, perCustomer);
        Path dir = Files.createTempDirectory("cec-state-bench");
        Drain memory = drain(sim, "memory", null, customers, perCustomer, pacedSeconds);
        Drain h2;
        try (HikariDataSource ds = pool("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath()
                                        + ";MODE=PostgreSQL;WRITE_DELAY=0", "sa", "")) {
            h2 = drain(sim, "H2 file", ds, customers, perCustomer, pacedSeconds);
        }
        Drain postgres;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             HikariDataSource ds = pool(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            postgresPort = pg.getPort();
            postgres = drain(sim, "PostgreSQL", ds, customers, perCustomer, pacedSeconds);
            postgresPort = 0;
        }
        for (Drain d : new Drain[] { memory, h2, postgres }) {
            results.detail("%-11s saturated: %,7d messages in %5.1f s = %,7.0f messages/s, CPU %,6.0f µs/message"
                           + " (database server %,4.0f µs of it)", d.backend(), d.messages(), d.seconds(),
                    d.perSecond(), d.cpuMicrosPerMessage(), d.dbMicrosPerMessage());
            Paced p = d.paced();
            results.detail("%-11s paced %,d/s: %,7d messages in %5.1f s, CPU %4.1f %% of 2 cores, %,6.0f µs/message"
                           + " (database server %,4.0f µs of it)", d.backend(), PACED_RATE, p.messages(), p.seconds(),
                    p.cpuPercent(), p.cpuMicrosPerMessage(), p.dbMicrosPerMessage());
        }
        for (Drain d : new Drain[] { h2, postgres }) {
            double ratio = d.paced().cpuMicrosPerMessage() / memory.paced().cpuMicrosPerMessage();
            results.row("durable state, " + d.backend() + ": CPU per message (client + database server) vs"
                        + " in-memory, paced " + PACED_RATE + " messages/s",
                    String.format("%.0f / %.0f µs = **%.2f ×** (saturated drain: %.0f / %.0f µs)",
                            d.paced().cpuMicrosPerMessage(), memory.paced().cpuMicrosPerMessage(), ratio,
                            d.cpuMicrosPerMessage(), memory.cpuMicrosPerMessage()), "≤ 1.15 ×", ratio <= 1.15);
            results.row("durable state, " + d.backend() + ": messages/s through the stores (saturated drain)",
                    String.format("**%,.0f** messages/s (in memory: %,.0f)", d.perSecond(), memory.perSecond()),
                    "≥ 5,000", d.perSecond() >= 5_000);
        }
    }

    private static Drain drain(SimulatorHandle sim, String backend, DataSource state, int customers, int perCustomer,
                               int pacedSeconds) throws Exception {
        String prefix = "st-" + backend.charAt(0) + System.nanoTime() % 100_000 + "-";
        LongAdder received = new LongAdder();
        CamelContext camel = CamelSetup.context(sim, new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=100&initialDelay=0&maxIdleDelay=100&maxConcurrentPolls=50&consumerThreads=10")
                        .routeId("poll").autoStartup(false).process(e -> received.increment());
                from("cec:poll?delay=1000&initialDelay=0&maxIdleDelay=1000&maxConcurrentPolls=50&consumerThreads=10")
                        .routeId("paced").autoStartup(false).process(e -> received.increment());
            }
        }, 600, component -> component.setDataSource(state));
        try {
            CamelSetup.connect(camel, customers, i -> prefix + i);
            // the greeting of each CONNECT is drained first and not counted
            camel.getRouteController().startRoute("poll");
            long greetings = customers;
            waitFor(received, greetings, 120);
            camel.getRouteController().stopRoute("poll");
            received.reset();
            for (int m = 0; m < perCustomer; m++) {
                for (int i = 0; i < customers; i++) {
                    sim.sendAgentMessage(prefix + i, "m" + m);
                }
            }
            int total = customers * perCustomer;
            long cpu0 = OS.getProcessCpuTime();
            long db0 = databaseCpuNanos();
            long t0 = System.nanoTime();
            camel.getRouteController().startRoute("poll");
            waitFor(received, total, 300);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double dbMicros = (databaseCpuNanos() - db0) / 1e3 / total;
            double cpuMicros = (OS.getProcessCpuTime() - cpu0) / 1e3 / total + dbMicros;
            camel.getRouteController().stopRoute("poll");
            return new Drain(backend, total, seconds, cpuMicros, dbMicros,
                    paced(sim, camel, received, prefix, customers, pacedSeconds));
        } finally {
            camel.close();
        }
    }

    /**
     * A warm-up of half the count at the rate, then {@code seconds} of it measured: CPU from the first message sent
     * until the last one reached the route. The messages are sent by a child JVM, so this JVM's CPU is the client's.
     */
    private static Paced paced(SimulatorHandle sim, CamelContext camel, LongAdder received, String prefix,
                               int customers, int seconds) throws Exception {
        int count = PACED_RATE * seconds;
        received.reset();
        camel.getRouteController().startRoute("paced");
        AgentInjector.run(sim.baseUrl(), prefix, customers, count / 2, PACED_RATE, "w");
        waitFor(received, count / 2, 120);
        received.reset();
        long cpu0 = OS.getProcessCpuTime();
        long db0 = databaseCpuNanos();
        long t0 = System.nanoTime();
        AgentInjector.run(sim.baseUrl(), prefix, customers, count, PACED_RATE, "p");
        waitFor(received, count, 120);
        double wall = System.nanoTime() - t0;
        double db = databaseCpuNanos() - db0;
        double cpu = OS.getProcessCpuTime() - cpu0 + db;
        camel.getRouteController().stopRoute("paced");
        return new Paced(count, wall / 1e9, cpu / 1e3 / count, db / 1e3 / count,
                cpu / wall / Runtime.getRuntime().availableProcessors() * 100);
    }

    /**
     * CPU of the embedded PostgreSQL server so far: its postmaster (started detached by pg_ctl, found by the port in
     * its arguments) and the backends it forked. 0 when none runs.
     */
    private static long databaseCpuNanos() {
        if (postgresPort == 0) {
            return 0;
        }
        String port = Integer.toString(postgresPort);
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)
                             && p.info().arguments().map(a -> List.of(a).contains(port)).orElse(false))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    private static void waitFor(LongAdder received, long count, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        while (received.sum() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + received.sum() + " of " + count + " messages in " + maxSeconds
                                                + " s");
            }
            Thread.sleep(5);
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        return new HikariDataSource(config);
    }
}
