package io.github.camelcec.benchmarks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelcec.component.cluster.CustomerPartitions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * issue 12 / product.md §5 "failover": replicas of {@code cec:poll?clustered=true} in JVMs of their own
 * ({@link ReplicaMain}), sharing one embedded PostgreSQL (in this JVM's process tree, not counted as client CPU) and a
 * cluster service.
 * <ol>
 * <li><b>Failover</b>, with Camel's {@code FileLockClusterService} and with {@code ZooKeeperClusterService} (curator's
 * {@link TestingServer} in this JVM): two replicas; the one that leads every partition is killed with SIGKILL while
 * agent messages, numbered per customer, keep arriving. The failover time is kill → the survivor's first poll of one
 * of the killed replica's customers, read from the simulator's journal (clientId, receiverId, arrival). Then every
 * message must arrive: lost, duplicated and out-of-order messages are counted.</li>
 * <li><b>1, 2 and 3 replicas</b> (file lock): client CPU per message at a paced load (the sum of the replica JVMs'
 * process CPU over the window ÷ the messages their routes finished in it), and messages/s at saturation (a backlog
 * queued while the simulator answers every poll with 503, drained once it stops).</li>
 * </ol>
 */
final class ReplicaBenchmark {

    static final int PARTITIONS = 16;
    static final long POLL_DELAY = 100;
    static final long MAX_IDLE_DELAY = 1_000;
    static final long TAKEOVER_DELAY = 200;
    static final long LOCK_INTERVAL = 500;
    static final int HEARTBEAT_MULTIPLIER = 5;
    static final int ZK_TICK = 500;
    static final long ZK_SESSION_TIMEOUT = 5_000;
    static final int FAILOVER_CUSTOMERS = 16;
    static final int FAILOVER_RATE = 100;
    static final Duration WAIT = Duration.ofSeconds(60);
    /** {@code -Dcec.replicas.engines=file,zookeeper}: the failover runs' cluster services. */
    static final List<String> ENGINES = List.of(System.getProperty("cec.replicas.engines", "file,zookeeper")
            .split(","));
    /** {@code -Dcec.replicas.scale=false} leaves out the 1, 2 and 3 replica runs. */
    static final boolean SCALE = Boolean.parseBoolean(System.getProperty("cec.replicas.scale", "true"));

    private ReplicaBenchmark() {
    }

    /**
     * One kill. Times in ms from the kill, from the simulator's journal: {@code millis} the survivor's first poll of a
     * customer the killed replica polled (the failover figure), {@code allMillis} until it had polled every one of
     * them; {@code strayPolls} polls of those customers by the survivor before the kill, while the other replica led
     * their partitions.
     */
    record Failover(String engine, int rep, long millis, long allMillis, int strayPolls, String strayDetail, int sent,
                    int lost, int duplicates, int outOfOrder, String load) {
    }

    record Scale(int replicas, String spread, double pacedRate, int pacedMessages, double pacedSeconds,
                 double cpuMicrosPerMessage, double pollsPerMessage, int backlog, double drainSeconds,
                 double drainCpuMicrosPerMessage) {
        double perSecond() {
            return backlog / drainSeconds;
        }
    }

    static void run(Mode mode, SimulatorHandle sim, Results results) throws Exception {
        boolean full = mode.name().equals("full");
        int reps = full ? 5 : 2;
        Path dir = Files.createTempDirectory("cec-replica-bench");
        results.detail("== replicas (issue 12): child JVMs (%s), state in embedded PostgreSQL, %d partitions, "
                       + "cec:poll?clustered=true&delay=%d&maxIdleDelay=%d&takeoverDelay=%d; files in %s, file-lock "
                       + "folders in %s",
                Path.of(System.getProperty("java.home"), "bin", "java"), PARTITIONS, POLL_DELAY, MAX_IDLE_DELAY,
                TAKEOVER_DELAY, dir, clusterRoot(dir).getParent());
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            int customers = full ? 200 : 100;
            int pacedRate = 200;
            int pacedWarmup = full ? 10 : 5;
            int pacedWindow = full ? 30 : 10;
            int backlogPerCustomer = full ? 50 : 20;
            results.detail("-- scale: %,d customers; paced phase %d msg/s (warm-up %d s, window %d s); saturation: "
                           + "%d messages per customer queued while every poll answers 503, then drained", customers,
                    pacedRate, pacedWarmup, pacedWindow, backlogPerCustomer);
            List<Scale> scales = new ArrayList<>();
            for (int n = 1; n <= (SCALE ? 3 : 0); n++) {
                try {
                    scales.add(scale(sim, jdbcUrl, dir, n, customers, pacedRate, pacedWarmup, pacedWindow,
                            backlogPerCustomer));
                } catch (Exception e) {
                    results.detail("%d replica(s): the run failed: %s", n, e.getMessage());
                }
            }
            reportScales(scales, results);
            List<Failover> failovers = new ArrayList<>();
            InstanceSpec spec = new InstanceSpec(dir.resolve("zookeeper").toFile(), -1, -1, -1, true, -1, ZK_TICK,
                    -1);
            try (TestingServer zookeeper = new TestingServer(spec, true)) {
                // the engines take turns, so that both see the same spells of load from other processes
                for (int rep = 1; rep <= reps; rep++) {
                    if (ENGINES.contains("file")) {
                        add(failovers, failover(sim, jdbcUrl, dir, "file", rep, null, results));
                    }
                    if (ENGINES.contains("zookeeper")) {
                        add(failovers, failover(sim, jdbcUrl, dir, "zookeeper", rep, zookeeper.getConnectString(),
                                results));
                    }
                }
            }
            reportFailovers(failovers, results);

        }
    }

    // ---------------------------------------------------------------------------------------------------- failover

    private static void add(List<Failover> failovers, Failover f) {
        if (f != null) {
            failovers.add(f);
        }
    }

    /** One kill, or null (and a line in the details) when the run went wrong before anything was measured. */
    private static Failover failover(SimulatorHandle sim, String jdbcUrl, Path dir, String engine, int rep,
                                     String zkNodes, Results results) throws Exception {
        try {
            return failover(sim, jdbcUrl, dir, engine, rep, zkNodes);
        } catch (IllegalStateException e) {
            results.detail("failover %-9s #%d: no figure: %s (%s)", engine, rep, e.getMessage(), Sample.now());
            return null;
        }
    }

    private static Failover failover(SimulatorHandle sim, String jdbcUrl, Path dir, String engine, int rep,
                                     String zkNodes) throws Exception {
        String tag = (engine.equals("file") ? "fl" : "zk") + rep;
        String prefix = "rb_" + tag + "_";
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < FAILOVER_CUSTOMERS; i++) {
            customers.add("fo-" + tag + "-" + i);
        }
        Path runDir = Files.createDirectories(dir.resolve(tag));
        List<Replica> started = new ArrayList<>();
        Harness harness = connectedContext(sim, jdbcUrl, prefix, customers);
        AtomicBoolean injecting = new AtomicBoolean(true);
        Map<String, AtomicInteger> sent = new HashMap<>();
        customers.forEach(c -> sent.put(c, new AtomicInteger()));
        ExecutorService injector = Executors.newSingleThreadExecutor();
        try {
            Replica a = Replica.start(tag + "-a", runDir, replicaArgs(sim, jdbcUrl, prefix, runDir, engine, zkNodes,
                    tag + "-a"));
            started.add(a);
            a.awaitReady();
            long aStarted = System.nanoTime();
            awaitJournal("replica a polls every customer", () -> polled(sim, a.name, aStarted).containsAll(customers));
            Replica b = Replica.start(tag + "-b", runDir, replicaArgs(sim, jdbcUrl, prefix, runDir, engine, zkNodes,
                    tag + "-b"));
            started.add(b);
            b.awaitReady();
            await("greetings delivered", () -> a.lines().size() >= customers.size());
            // b settles (its first polls, its elections) before anything is measured
            TimeUnit.SECONDS.sleep(5);
            Future<?> injection = injector.submit(() -> inject(sim, customers, sent, FAILOVER_RATE, injecting));
            TimeUnit.SECONDS.sleep(2);
            // the replica that polls the customers dies; the other must poll none of them now
            long window = System.nanoTime() - 2_000_000_000L;
            Set<String> byA = polled(sim, a.name, window);
            Set<String> byB = polled(sim, b.name, window);
            // (under load a quiet customer's 1 s cadence can slip past the 2 s window: a need not have polled all)
            if (!(byB.isEmpty() && !byA.isEmpty() || byA.isEmpty() && !byB.isEmpty())) {
                throw new IllegalStateException("the customers were not polled by one replica alone before the kill: "
                                                + "a polled " + byA.size() + ", b " + byB.size());
            }
            Replica victim = byA.isEmpty() ? b : a;
            Replica survivor = victim == a ? b : a;
            long killedAt = System.nanoTime();
            victim.kill();
            awaitJournal("the survivor polls every customer",
                    () -> polled(sim, survivor.name, killedAt).containsAll(customers));
            TimeUnit.SECONDS.sleep(2);
            injecting.set(false);
            injection.get();
            // System.nanoTime is the machine's monotonic clock in every JVM here: the journal's startNanos and the
            // kill are on one time line
            List<String[]> polls = survivorPolls(sim, survivor.name, customers);
            long first = polls.stream().mapToLong(e -> Long.parseLong(e[0])).filter(t -> t > killedAt).min()
                    .orElse(-1);
            Set<String> reached = new HashSet<>();
            long all = -1;
            for (String[] e : polls) {
                if (Long.parseLong(e[0]) > killedAt && reached.add(e[1]) && reached.size() == customers.size()) {
                    all = Long.parseLong(e[0]);
                }
            }
            long starting = survivor.firstEvent("STARTING", 0, x -> true);
            List<Long> strays = polls.stream().mapToLong(e -> Long.parseLong(e[0])).filter(t -> t < killedAt)
                    .map(t -> ms(t, starting)).boxed().toList();
            String strayDetail = strays.isEmpty() ? "" : String.format("at %s ms after its context began starting "
                                                                       + "(start() returned after %,d ms)",
                    strays.size() > 6 ? strays.subList(0, 6) + "…" : strays,
                    ms(survivor.firstEvent("STARTED", 0, x -> true), starting));
            int total = sent.values().stream().mapToInt(AtomicInteger::get).sum();
            // a message that never comes is counted as lost, not waited for forever
            awaitAtMost(Duration.ofSeconds(30), () -> distinct(victim, survivor).size() >= total);
            List<String[]> before = agentLines(victim.lines());
            List<String[]> after = agentLines(survivor.lines());
            int duplicates = before.size() + after.size() - distinct(victim, survivor).size();
            // a message delivered after a later one of its customer (gaps are counted as lost, not here)
            int outOfOrder = 0;
            for (String customer : customers) {
                List<Integer> seen = new ArrayList<>();
                for (List<String[]> part : List.of(before, after)) {
                    for (String[] f : part) {
                        if (f[0].equals(customer)) {
                            int n = Integer.parseInt(f[2].substring(1));
                            if (!seen.contains(n)) {
                                if (!seen.isEmpty() && n < seen.stream().mapToInt(Integer::intValue).max()
                                        .getAsInt()) {
                                    outOfOrder++;
                                }
                                seen.add(n);
                            }
                        }
                    }
                }
            }
            int lost = total - distinct(victim, survivor).size();
            if (lost > 0) {
                Set<String> got = distinct(victim, survivor);
                for (String customer : customers) {
                    List<Integer> missing = new ArrayList<>();
                    for (int m = 0; m < sent.get(customer).get(); m++) {
                        if (!got.contains(customer + "/n" + m)) {
                            missing.add(m);
                        }
                    }
                    if (!missing.isEmpty()) {
                        System.out.printf("  !! %s: messages %s never delivered (of %d); still in the pending table: "
                                          + "%s%n", customer, missing, sent.get(customer).get(),
                                heldInTable(harness.ds(), prefix, customer, missing));
                    }
                }
            }
            Failover f = new Failover(engine, rep, ms(first, killedAt), ms(all, killedAt), strays.size(), strayDetail,
                    total, lost, duplicates, outOfOrder, Sample.now().toString());
            System.out.printf("  failover %s #%d: kill -> first poll %,d ms, every customer polled %,d ms; %d polls by "
                              + "the survivor before the kill %s; %d sent, %d lost, %d duplicates, %d out of order; "
                              + "%s%n", engine, rep, f.millis(), f.allMillis(), f.strayPolls(), strayDetail, total,
                    lost, duplicates, outOfOrder, f.load());
            return f;
        } finally {
            injecting.set(false);
            injector.shutdownNow();
            for (Replica r : started) {
                r.close();
            }
            harness.close();
        }
    }

    /** The survivor's polls of these customers: {@code [startNanos, receiverId]}, in order of arrival. */
    private static List<String[]> survivorPolls(SimulatorHandle sim, String survivor, Collection<String> customers) {
        List<String[]> polls = new ArrayList<>();
        for (Map<String, Object> e : sim.journal()) {
            String receiver = e.get("uri") == null ? null : receiverId((String) e.get("uri"));
            if ("POLL".equals(e.get("operation")) && survivor.equals(e.get("clientId"))
                && customers.contains(receiver)) {
                polls.add(new String[] { String.valueOf(((Number) e.get("startNanos")).longValue()), receiver });
            }
        }
        polls.sort(java.util.Comparator.comparingLong(p -> Long.parseLong(p[0])));
        return polls;
    }

    /** The customers {@code clientId} polled since {@code sinceNanos} (System.nanoTime), from the journal. */
    private static Set<String> polled(SimulatorHandle sim, String clientId, long sinceNanos) {
        Set<String> customers = new HashSet<>();
        for (Map<String, Object> e : sim.journal()) {
            if ("POLL".equals(e.get("operation")) && clientId.equals(e.get("clientId"))
                && ((Number) e.get("startNanos")).longValue() > sinceNanos) {
                customers.add(receiverId((String) e.get("uri")));
            }
        }
        return customers;
    }

    /** The partitions of the customers each replica polled since {@code sinceNanos}, from the journal. */
    private static String spread(SimulatorHandle sim, List<Replica> replicas, long sinceNanos) {
        CustomerPartitions partitions = new CustomerPartitions(PARTITIONS, "cec-" + SimulatorHandle.CHANNEL_CONFIG_ID);
        List<String> parts = new ArrayList<>();
        for (Replica r : replicas) {
            Set<Integer> led = new java.util.TreeSet<>();
            for (String customer : polled(sim, r.name, sinceNanos)) {
                led.add(partitions.partitionOf(customer));
            }
            parts.add(r.name.substring(r.name.indexOf('-') + 1) + ":" + led.size());
        }
        return String.join(" ", parts);
    }

    /** Which of the customer's missing messages are still rows of the shared pending table. */
    private static List<Integer> heldInTable(javax.sql.DataSource ds, String prefix, String customer,
                                             List<Integer> missing) {
        List<Integer> held = new ArrayList<>();
        try (java.sql.Connection c = ds.getConnection();
             java.sql.PreparedStatement q = c.prepareStatement("SELECT message FROM " + prefix
                                                               + "pending_message WHERE user_id = ?")) {
            q.setString(1, customer);
            List<String> rows = new ArrayList<>();
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            for (int m : missing) {
                if (rows.stream().anyMatch(r -> r.contains("\"n" + m + "\""))) {
                    held.add(m);
                }
            }
        } catch (java.sql.SQLException e) {
            System.out.println("  (could not read the pending table: " + e.getMessage() + ")");
        }
        return held;
    }

    private static long ms(long nanos, long since) {
        return nanos < 0 ? -1 : (nanos - since) / 1_000_000;
    }

    private static String receiverId(String uri) {
        int at = uri.indexOf("receiverId=");
        if (at < 0) {
            return null;
        }
        int end = uri.indexOf('&', at);
        return uri.substring(at + "receiverId=".length(), end < 0 ? uri.length() : end);
    }

    private static void reportFailovers(List<Failover> failovers, Results results) {
        for (String engine : ENGINES) {
            List<Failover> runs = failovers.stream().filter(f -> f.engine().equals(engine) && f.millis() >= 0)
                    .toList();
            if (runs.isEmpty()) {
                results.row("failover, " + engine, "no completed kill", "≤ lease + poll interval", false);
                continue;
            }
            long[] ms = runs.stream().mapToLong(Failover::millis).sorted().toArray();
            long lease = engine.equals("file") ? LOCK_INTERVAL * HEARTBEAT_MULTIPLIER : ZK_SESSION_TIMEOUT;
            long bound = lease + POLL_DELAY;
            String settings = engine.equals("file")
                    ? String.format("FileLockClusterService acquireLockInterval %d ms × heartbeatTimeoutMultiplier %d "
                                    + "= lease %,d ms", LOCK_INTERVAL, HEARTBEAT_MULTIPLIER, lease)
                    : String.format("ZooKeeperClusterService sessionTimeout %,d ms (TestingServer tickTime %d ms) "
                                    + "= lease %,d ms", ZK_SESSION_TIMEOUT, ZK_TICK, lease);
            for (Failover f : runs) {
                results.detail("failover %-9s #%d: kill -> the survivor's first poll of the killed one's customers "
                               + "%,5d ms, all of them polled %,5d ms; %,d messages, %d lost, %d duplicates, %d out "
                               + "of order; %d polls by the survivor before the kill %s; %s", engine, f.rep(),
                        f.millis(), f.allMillis(), f.sent(), f.lost(), f.duplicates(), f.outOfOrder(), f.strayPolls(),
                        f.strayDetail(), f.load());
            }
            long median = ms.length % 2 == 1 ? ms[ms.length / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
            int lost = runs.stream().mapToInt(Failover::lost).sum();
            int dups = runs.stream().mapToInt(Failover::duplicates).sum();
            int sentTotal = runs.stream().mapToInt(Failover::sent).sum();
            int stray = runs.stream().mapToInt(Failover::strayPolls).sum();
            results.row("failover, " + engine + " (" + settings + ", takeoverDelay " + TAKEOVER_DELAY
                        + " ms, poll delay " + POLL_DELAY + " ms)",
                    String.format("median **%,d ms**, range %,d–%,d ms over %d kills; %d lost, %d duplicates of "
                                  + "%,d messages; %d polls by the survivor before the kill", median, ms[0],
                            ms[ms.length - 1], ms.length, lost, dups, sentTotal, stray),
                    String.format("≤ lease + poll interval = %,d ms", bound), ms[ms.length - 1] <= bound);
        }
    }

    // ------------------------------------------------------------------------------------------------------ scale

    private static Scale scale(SimulatorHandle sim, String jdbcUrl, Path dir, int n, int customerCount,
                               int pacedRate, int warmupSeconds, int windowSeconds, int backlogPerCustomer)
            throws Exception {
        String tag = "sc" + n;
        String prefix = "rb_" + tag + "_";
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < customerCount; i++) {
            customers.add("sc" + n + "-" + i);
        }
        Path runDir = Files.createDirectories(dir.resolve(tag));
        List<Replica> replicas = new ArrayList<>();
        Harness harness = connectedContext(sim, jdbcUrl, prefix, customers);
        Map<String, AtomicInteger> sent = new HashMap<>();
        customers.forEach(c -> sent.put(c, new AtomicInteger()));
        ExecutorService injector = Executors.newSingleThreadExecutor();
        AtomicBoolean injecting = new AtomicBoolean(true);
        try {
            // all at once: whichever JVM is first to try a partition's lock leads it
            for (int r = 1; r <= n; r++) {
                String name = tag + "-r" + r;
                replicas.add(Replica.start(name, runDir, replicaArgs(sim, jdbcUrl, prefix, runDir, "file", null,
                        name)));
            }
            for (Replica r : replicas) {
                r.awaitReady();
            }
            long ready = System.nanoTime();
            awaitJournal("every customer polled", () -> {
                Set<String> all = new HashSet<>();
                for (Replica r : replicas) {
                    all.addAll(polled(sim, r.name, ready));
                }
                return all.containsAll(customers);
            });
            await("greetings delivered", () -> replicas.stream().mapToInt(r -> r.lines().size()).sum()
                                               >= customers.size());

            // paced: a load that saturates nothing
            Future<?> injection = injector.submit(() -> inject(sim, customers, sent, pacedRate, injecting));
            TimeUnit.SECONDS.sleep(warmupSeconds);
            int delivered0 = agentCount(replicas);
            long cpu0 = cpuNanos(replicas);
            long polls0 = sim.count("POLL");
            long t0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(windowSeconds);
            int delivered1 = agentCount(replicas);
            long cpu1 = cpuNanos(replicas);
            long polls1 = sim.count("POLL");
            double pacedSeconds = (System.nanoTime() - t0) / 1e9;
            // which partitions each replica polled over the window's last 3 s (the journal keeps the newest 10,000)
            String spread = spread(sim, replicas, System.nanoTime() - 3_000_000_000L);
            Sample pacedLoad = Sample.now();
            injecting.set(false);
            injection.get();
            int pacedMessages = delivered1 - delivered0;
            int sentSoFar = sent.values().stream().mapToInt(AtomicInteger::get).sum();
            awaitAtMost(Duration.ofSeconds(30), () -> agentCount(replicas) >= sentSoFar);

            // saturation: a backlog queued while polls fail, drained at once
            sim.faults(Map.of("operation", "POLL", "errorRate", 1.0, "status", 503));
            queue(sim, customers, sent, backlogPerCustomer);
            int backlog = customers.size() * backlogPerCustomer;
            int target = sentSoFar + backlog;
            long dcpu0 = cpuNanos(replicas);
            long d0 = System.nanoTime();
            sim.clearFaults();
            boolean drained = awaitAtMost(Duration.ofSeconds(180), () -> agentCount(replicas) >= target);
            double drainSeconds = drained ? (System.nanoTime() - d0) / 1e9 : Double.NaN;
            long dcpu1 = cpuNanos(replicas);
            Sample drainLoad = Sample.now();
            Set<String> distinct = new HashSet<>();
            int lines = 0;
            for (Replica r : replicas) {
                for (String[] f : agentLines(r.lines())) {
                    distinct.add(f[0] + "/" + f[2]);
                    lines++;
                }
            }
            Scale s = new Scale(n, spread,
                    pacedMessages / pacedSeconds, pacedMessages, pacedSeconds,
                    (cpu1 - cpu0) / 1e3 / pacedMessages, (double) (polls1 - polls0) / pacedMessages, backlog,
                    drainSeconds, (dcpu1 - dcpu0) / 1e3 / backlog);
            System.out.printf("  %d replicas (%s): paced %,.0f msg/s, %,.0f µs CPU/message (%s); drain %,d in %.1f s "
                              + "= %,.0f msg/s (%s); %d lines, %d distinct of %d sent%n", n, s.spread(),
                    s.pacedRate(), s.cpuMicrosPerMessage(), pacedLoad, backlog, drainSeconds, s.perSecond(),
                    drainLoad, lines, distinct.size(), target);
            if (distinct.size() != target || lines != target) {
                System.out.printf("  !! %d replicas: %d distinct messages and %d deliveries for %d sent%n", n,
                        distinct.size(), lines, target);
            }
            return s;
        } finally {
            injecting.set(false);
            injector.shutdownNow();
            sim.clearFaults();
            for (Replica r : replicas) {
                r.close();
            }
            harness.close();
        }
    }

    private static void reportScales(List<Scale> scales, Results results) {
        for (Scale s : scales) {
            results.detail("%d replica(s), partitions per replica %s: paced %,.0f msg/s over %.1f s, replicas' CPU "
                           + "%,.0f µs/message, %.2f polls/message; saturated drain %,d messages in %.1f s = %,.0f "
                           + "msg/s, %,.0f µs CPU/message", s.replicas(), s.spread(), s.pacedRate(), s.pacedSeconds(),
                    s.cpuMicrosPerMessage(), s.pollsPerMessage(), s.backlog(), s.drainSeconds(), s.perSecond(),
                    s.drainCpuMicrosPerMessage());
            results.row(s.replicas() + " replica(s), file lock, PostgreSQL: replicas' CPU per message at "
                        + Results.f0(s.pacedRate()) + " msg/s; messages/s saturated",
                    String.format("**%,.0f µs**/message; **%,.0f** msg/s; partitions %s", s.cpuMicrosPerMessage(),
                            s.perSecond(), s.spread()), "— (measured, issue 12)", null);
        }
    }

    // ------------------------------------------------------------------------------------------------- plumbing

    /** A context in this JVM on the shared state that CONNECTs the customers (their sessions go to the table). */
    private static Harness connectedContext(SimulatorHandle sim, String jdbcUrl, String prefix,
                                                 List<String> customers) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(8);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            CamelContext camel = CamelSetup.context(sim, null, 600, cec -> {
                cec.setDataSource(ds);
                cec.setStateTablePrefix(prefix);
                cec.getConfiguration().setClientId("harness");
            });
            CamelSetup.connect(camel, customers.size(), customers::get);
            return new Harness(camel, ds);
        } catch (Exception | Error e) {
            ds.close();
            throw e;
        }
    }

    /** This JVM's context on the shared state, and its pool. */
    record Harness(CamelContext camel, HikariDataSource ds) implements AutoCloseable {
        @Override
        public void close() {
            try {
                camel.close();
            } catch (Exception e) {
                System.out.println("  closing the harness context: " + e);
            }
            ds.close();
        }
    }

    private static List<String> replicaArgs(SimulatorHandle sim, String jdbcUrl, String prefix, Path runDir,
                                            String engine, String zkNodes, String name) {
        List<String> args = new ArrayList<>(List.of("baseUrl=" + sim.baseUrl(), "appKey=" + SimulatorHandle.APP_KEY,
                "appSecret=" + SimulatorHandle.APP_SECRET, "channelConfigId=" + SimulatorHandle.CHANNEL_CONFIG_ID,
                "jdbcUrl=" + jdbcUrl, "jdbcUser=postgres", "jdbcPassword=postgres", "prefix=" + prefix,
                "out=" + runDir.resolve(name + ".tsv"), "clientId=" + name, "partitions=" + PARTITIONS,
                "takeoverDelay=" + TAKEOVER_DELAY, "delay=" + POLL_DELAY, "maxIdleDelay=" + MAX_IDLE_DELAY,
                "engine=" + engine));
        if (engine.equals("file")) {
            args.addAll(List.of("clusterRoot=" + clusterRoot(runDir), "lockInterval=" + LOCK_INTERVAL,
                    "heartbeatMultiplier=" + HEARTBEAT_MULTIPLIER));
        } else {
            args.addAll(List.of("zkNodes=" + zkNodes, "zkBasePath=/cec-bench-" + runDir.getFileName(),
                    "zkSessionTimeout=" + ZK_SESSION_TIMEOUT));
        }
        return args;
    }

    /**
     * The file-lock service's folder: on the tmpfs {@code /dev/shm} when there is one. Its heartbeat is an fsync per
     * partition and interval on one thread; on this machine's shared disk those stalled it for over a minute while
     * other builds ran (the lease is the service's setting, not the disk's), so the figures are the cluster
     * service's and the component's, not the disk's.
     */
    private static Path clusterRoot(Path runDir) {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm.resolve("cec-replica-bench-" + ProcessHandle.current().pid() + "-" + runDir.getFileName());
        }
        return runDir.resolve("cluster");
    }

    /** Agent messages {@code n0, n1, ...} per customer, round robin, {@code rate} per second until told to stop. */
    private static void inject(SimulatorHandle sim, List<String> customers, Map<String, AtomicInteger> sent, int rate,
                               AtomicBoolean running) {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        int i = 0;
        while (running.get()) {
            String customer = customers.get(i++ % customers.size());
            AtomicInteger count = sent.get(customer);
            sim.sendAgentMessage(customer, "n" + count.get());
            count.incrementAndGet();
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }
    }

    /** {@code perCustomer} numbered messages for every customer, queued as fast as the admin API takes them. */
    private static void queue(SimulatorHandle sim, List<String> customers, Map<String, AtomicInteger> sent,
                              int perCustomer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (String customer : customers) {
                work.add(pool.submit(() -> {
                    AtomicInteger count = sent.get(customer);
                    for (int m = 0; m < perCustomer; m++) {
                        sim.sendAgentMessage(customer, "n" + count.getAndIncrement());
                    }
                    return null;
                }));
            }
            for (Future<?> w : work) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long cpuNanos(List<Replica> replicas) {
        long sum = 0;
        for (Replica r : replicas) {
            sum += r.cpuNanos();
        }
        return sum;
    }

    private static int agentCount(List<Replica> replicas) throws IOException {
        int sum = 0;
        for (Replica r : replicas) {
            sum += agentLines(r.lines()).size();
        }
        return sum;
    }

    private static Set<String> distinct(Replica a, Replica b) throws IOException {
        Set<String> keys = new HashSet<>();
        for (Replica r : List.of(a, b)) {
            for (String[] f : agentLines(r.lines())) {
                keys.add(f[0] + "/" + f[2]);
            }
        }
        return keys;
    }

    /** The numbered agent messages a replica finished: {@code [userId, sourceType, content]}. */
    private static List<String[]> agentLines(List<String> lines) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length == 3 && "AGENT".equals(f[1]) && f[2].startsWith("n")) {
                out.add(f);
            }
        }
        return out;
    }

    private static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not within " + WAIT + ": " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** Like {@link #await}, looking every 500 ms: each look reads the simulator's whole journal. */
    private static void awaitJournal(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not within " + WAIT + ": " + what);
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    /** Waits until {@code check} holds or {@code most} passed; whether it holds. */
    private static boolean awaitAtMost(Duration most, Check check) throws Exception {
        long deadline = System.nanoTime() + most.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }

    @FunctionalInterface
    private interface Check {
        boolean ok() throws Exception;
    }

    /** The machine's load average (other builders share the cores), for the record next to each figure. */
    record Sample(double load1, double load5) {
        static Sample now() {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return new Sample(Double.parseDouble(f[0]), Double.parseDouble(f[1]));
            } catch (IOException | RuntimeException e) {
                return new Sample(Double.NaN, Double.NaN);
            }
        }

        @Override
        public String toString() {
            return String.format("load %.2f/%.2f", load1, load5);
        }
    }

    /** A {@link ReplicaMain} in a JVM of its own: same java binary, the class path this harness runs on. */
    static final class Replica implements AutoCloseable {

        final String name;
        private final Process process;
        private final Path out;
        private final CountDownLatch ready = new CountDownLatch(1);
        private volatile List<Integer> partitions = List.of();
        /** Every PARTITIONS and LEADER line: {@code [kind, nanoTime, rest]}. */
        private final List<String[]> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        private Replica(String name, Process process, Path out, Path log) {
            this.name = name;
            this.process = process;
            this.out = out;
            Thread pump = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                     BufferedWriter writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                    for (String line; (line = in.readLine()) != null;) {
                        if (line.equals("READY")) {
                            ready.countDown();
                        } else if (line.startsWith("PARTITIONS ") || line.startsWith("LEADER ")
                                   || line.startsWith("STARTING ") || line.startsWith("STARTED ")) {
                            String[] f = (line + " ").split(" ", 3);
                            if (f[0].equals("PARTITIONS")) {
                                partitions = parse(f[2]);
                            }
                            events.add(f);
                        }
                        writer.write(line);
                        writer.newLine();
                        writer.flush();
                    }
                } catch (IOException e) {
                    // the replica died
                }
            }, "replica-" + name);
            pump.setDaemon(true);
            pump.start();
        }

        static Replica start(String name, Path dir, List<String> args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            command.add("-Dlog4j2.configurationFile=log4j2-benchmarks.xml");
            command.add("-cp");
            command.add(classPath());
            command.add(ReplicaMain.class.getName());
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            Path out = dir.resolve(name + ".tsv");
            return new Replica(name, p, out, dir.resolve(name + ".log"));
        }

        void awaitReady() throws InterruptedException {
            if (!ready.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Replica " + name + " did not start in " + WAIT + " (alive: "
                                                + process.isAlive() + ")");
            }
        }

        List<Integer> partitions() {
            return partitions;
        }

        /** The nanoTime of the first {@code kind} line after {@code after} whose rest matches, or -1. */
        long firstEvent(String kind, long after, java.util.function.Predicate<String> rest) {
            for (String[] e : events) {
                long at = Long.parseLong(e[1]);
                if (e[0].equals(kind) && at > after && rest.test(e[2])) {
                    return at;
                }
            }
            return -1;
        }

        boolean alive() {
            return process.isAlive();
        }

        List<String> lines() {
            try {
                if (!Files.exists(out)) {
                    return List.of();
                }
                String text = Files.readString(out, StandardCharsets.UTF_8);
                // a line being written right now is left for the next look
                int end = text.lastIndexOf('\n');
                return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        long cpuNanos() {
            return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        /** SIGKILL: no shutdown hook, no graceful stop. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                kill();
            }
        }

        private static List<Integer> parse(String list) {
            String inside = list.substring(1, list.length() - 1).trim();
            List<Integer> out = new ArrayList<>();
            if (!inside.isEmpty()) {
                for (String p : inside.split(",\\s*")) {
                    out.add(Integer.parseInt(p));
                }
            }
            return out;
        }
    }

    /**
     * The class path of this harness: {@code java.class.path}, unless it runs under {@code mvn exec:java}, whose
     * project class path is a class loader of its own (java.class.path is then Maven's launcher).
     */
    static String classPath() {
        ClassLoader loader = ReplicaBenchmark.class.getClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a file: nothing a child JVM could load
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
