package io.github.camelcec.demo;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcec.demo.ConversationScript.ExpectedReply;
import io.github.camelcec.demo.ConversationScript.Step;
import io.github.camelcec.demo.embedded.EmbeddedCec;
import io.github.camelcec.demo.embedded.EmbeddedSystems;
import io.github.camelcec.examples.routes.RouteVariant;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.JournalEntry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays customers through Kafka against a running bridge: each writes to {@code cec.customer.in}, waits for CEC's
 * replies on {@code cec.chat.out} and goes on. The console shows the conversations as they happen and a progress
 * line; the {@link DemoReport} says whether every message arrived, exactly once and in order.
 */
public final class DemoDriver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final long STEP_TIMEOUT_MS = 20_000;
    private static final long DELIVERY_TIMEOUT_MS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedBridge bridge;
    private final EmbeddedSystems systems;
    private final int customers;
    private final PrintStream out;
    private final String runTag = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36);
    private final Map<String, CustomerRun> runs = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger replies = new AtomicInteger();

    /**
     * @param bridge  the running bridge, for its topics and routes
     * @param systems the embedded systems it bridges, for the checks only they allow (journal, mailbox, tickets)
     */
    public DemoDriver(EmbeddedBridge bridge, EmbeddedSystems systems, int customers, PrintStream out) {
        this.bridge = bridge;
        this.systems = systems;
        this.customers = customers;
        this.out = out;
    }

    /** The prefix of every customer id this run plays (ids are {@code <tag>-<name>-<nn>}). */
    public String customerIdPrefix() {
        return runTag + "-";
    }

    /** The id of the customer who writes after hours (played with the Java routes only). */
    public String afterHoursCustomerId() {
        return runTag + "-late-99";
    }

    public DemoReport run() throws InterruptedException {
        long started = System.nanoTime();
        RouteVariant variant = bridge.routes();
        String customerIn = bridge.property("kafka.topic.customer-in");
        String chatOut = bridge.property("kafka.topic.chat-out");
        boolean ratings = variant.handlesRatings();
        List<String> failures = new ArrayList<>();
        int lowRatings = 0;
        for (int i = 1; i <= customers; i++) {
            Integer rating = ratings ? (i % 5 == 2 ? 2 : 5) : null;
            lowRatings += rating != null && rating <= 2 ? 1 : 0;
            String name = ConversationScript.nameOf(i - 1);
            String id = String.format("%s-%s-%02d", runTag, name.toLowerCase(Locale.ROOT), i);
            runs.put(id, new CustomerRun(id, name + "#" + String.format("%02d", i), ConversationScript.conversation(name, i, rating)));
        }
        String afterHoursId = null;
        int expectedReplies = runs.values().stream().mapToInt(CustomerRun::expectedReplyCount).sum();
        int expectedMessages = runs.values().stream().mapToInt(r -> r.steps.size()).sum();

        out.printf("Playing %d customers through Kafka (%s -> CEC -> %s), routes: %s%n%n", customers,
                customerIn, chatOut, variant.folderName());
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(daemon("demo-progress"));
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(customers, 64), daemon("demo-customer"));
        try (KafkaProducer<String, String> producer = producer();
             ChatOutListener ignored = new ChatOutListener(bridge.property("kafka.brokers"), chatOut,
                     "cec-demo-" + runTag, customerIdPrefix(), this::onReply)) {
            progress.scheduleAtFixedRate(() -> printProgress(expectedMessages, expectedReplies, started), 1, 1,
                    TimeUnit.SECONDS);
            for (CustomerRun run : runs.values()) {
                pool.execute(() -> run.play(producer));
                Thread.sleep(40); // staggered, as customers arrive
            }
            pool.shutdown();
            if (!pool.awaitTermination(STEP_TIMEOUT_MS * 8, TimeUnit.MILLISECONDS)) {
                failures.add("conversations still running after " + STEP_TIMEOUT_MS * 8 / 1000 + " s");
            }
            // the after-hours path (leave-message and ticket) is in the Java routes only
            boolean afterHours = variant == RouteVariant.JAVA;
            if (afterHours) {
                afterHoursId = afterHoursCustomerId();
                playAfterHours(producer, systems.cec(), afterHoursId, failures);
            }
            progress.shutdownNow();
            int ticketsExpected = lowRatings + (afterHours ? 1 : 0);
            Set<String> ids = new HashSet<>(runs.keySet());
            if (afterHoursId != null) {
                ids.add(afterHoursId);
            }
            // the transcripts and tickets follow the conversations by a moment
            waitUntil(() -> transcriptsReceived() >= customers && ticketsReceived(ids) >= ticketsExpected);
            // time for a duplicate, if the bridge made one, to show up
            Thread.sleep(500);
            for (CustomerRun run : runs.values()) {
                run.check(failures);
            }
            Percentiles p = new Percentiles(latencies);
            EmbeddedCec cec = systems.cec();
            int expectedAtCec = expectedMessages + (afterHoursId != null ? 1 : 0);
            return new DemoReport(variant, customers, expectedAtCec,
                    messagesAtCec(cec, afterHoursId),
                    expectedReplies, replies.get(), runs.values().stream().mapToInt(CustomerRun::inOrder).sum(),
                    runs.values().stream().mapToInt(CustomerRun::duplicates).sum(), p.count(), p.at(50), p.at(99),
                    cec.gatewayTokenCalls(), cec.customerTokenCalls(),
                    customers, transcriptsReceived(), ticketsExpected, ticketsReceived(ids),
                    (System.nanoTime() - started) / 1_000_000, failures.stream().limit(10).toList());
        } finally {
            progress.shutdownNow();
            pool.shutdownNow();
        }
    }

    private void playAfterHours(KafkaProducer<String, String> producer, EmbeddedCec cec, String id,
                                List<String> failures) throws InterruptedException {
        out.printf("%n%s  -- the agents go home: CEC now refuses new conversations (working hours closed) --%n",
                now());
        cec.simulator().setWorkingHours(false);
        try {
            Step step = ConversationScript.afterHours("Zoe");
            send(producer, id, step);
            show("Zoe#99", "->", step.shown());
            if (!waitUntil(() -> ticketsReceived(Set.of(id)) >= 1)) {
                failures.add(id + ": no ticket for the message left outside working hours");
            } else {
                show("Zoe#99", "**", "CEC refused (12, outside working hours): message left, ticket raised");
            }
        } finally {
            cec.simulator().setWorkingHours(true);
        }
    }

    private void onReply(Reply reply) {
        CustomerRun run = runs.get(reply.customerId());
        if (run == null) {
            return;
        }
        replies.incrementAndGet();
        show(run.shownName, "<-", reply.shown());
        run.received(reply);
    }

    private void printProgress(int expectedMessages, int expectedReplies, long started) {
        long done = runs.values().stream().filter(r -> r.finished).count();
        out.printf("%s  .. progress: %d/%d conversations done, customer -> CEC %d/%d, CEC -> customer %d/%d, %.1f s%n",
                now(), done, runs.size(), sent.get(), expectedMessages, replies.get(), expectedReplies,
                (System.nanoTime() - started) / 1e9);
    }

    private void send(KafkaProducer<String, String> producer, String customerId, Step step) {
        try {
            producer.send(new ProducerRecord<>(bridge.property("kafka.topic.customer-in"), customerId,
                    step.value())).get(10, TimeUnit.SECONDS);
            sent.incrementAndGet();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write to Kafka: " + e.getMessage(), e);
        }
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bridge.property("kafka.brokers"));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(props);
    }

    /** Customer records CEC accepted, per the simulator's journal: sends other than CONNECT, ratings, left messages. */
    private long messagesAtCec(EmbeddedCec cec, String afterHoursId) {
        long count = 0;
        for (JournalEntry e : cec.simulator().journal().entries()) {
            if (e.httpStatus() != 200 || !"0".equals(e.resultCode()) || e.operation() == null) {
                continue;
            }
            JsonNode body = body(e);
            if (e.operation() == CecOperation.SEND && runs.containsKey(body.path("from").asText())
                && !"CONNECT".equals(body.path("controlType").asText())) {
                count++;
            } else if (e.operation() == CecOperation.SAVE_SATISFACTION && runs.containsKey(body.path("userId").asText())) {
                count++;
            } else if (e.operation() == CecOperation.LEAVE_MESSAGE && afterHoursId != null
                       && ConversationScript.afterHours("Zoe").shown().equals(body.path("leaveMessage").asText())) {
                count++;
            }
        }
        return count;
    }

    private static JsonNode body(JournalEntry e) {
        try {
            return e.body() == null || e.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(e.body());
        } catch (JsonProcessingException ex) {
            return JSON.createObjectNode();
        }
    }

    private int transcriptsReceived() {
        int count = 0;
        for (MimeMessage m : systems.smtp().receivedMessages()) {
            try {
                String subject = m.getSubject();
                if (subject != null && subject.contains(customerIdPrefix())) {
                    count++;
                }
            } catch (MessagingException e) {
                // not ours to judge
            }
        }
        return count;
    }

    private int ticketsReceived(Set<String> ids) {
        int count = 0;
        for (String ticket : systems.ticketDesk().tickets()) {
            try {
                if (ids.contains(JSON.readTree(ticket).path("customerId").asText())) {
                    count++;
                }
            } catch (JsonProcessingException e) {
                // not ours
            }
        }
        return count;
    }

    private static boolean waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DELIVERY_TIMEOUT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private void show(String who, String arrow, String text) {
        out.printf("%s  %-10s %s %s%n", now(), who, arrow, text);
    }

    private static String now() {
        return LocalTime.now().format(TIME);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One customer's conversation: plays the steps and keeps every reply for the final check. */
    private final class CustomerRun {
        final String id;
        final String shownName;
        final List<Step> steps;
        final BlockingQueue<Reply> inbox = new LinkedBlockingQueue<>();
        final List<Reply> all = new ArrayList<>();
        final Set<String> played = new HashSet<>();
        volatile boolean finished;
        volatile String failure;

        CustomerRun(String id, String shownName, List<Step> steps) {
            this.id = id;
            this.shownName = shownName;
            this.steps = steps;
        }

        int expectedReplyCount() {
            return steps.stream().mapToInt(s -> s.replies().size()).sum();
        }

        synchronized void received(Reply reply) {
            all.add(reply);
            // a duplicate (at-least-once) is counted, not played: the conversation goes on with the next reply
            if (reply.messageCode() == null || played.add(reply.messageCode())) {
                inbox.add(reply);
            }
        }

        void play(KafkaProducer<String, String> producer) {
            try {
                for (Step step : steps) {
                    long sentAt = System.nanoTime();
                    send(producer, id, step);
                    show(shownName, "->", step.shown());
                    for (ExpectedReply expected : step.replies()) {
                        Reply reply = inbox.poll(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                        if (reply == null) {
                            failure = id + ": no " + expected + " within " + STEP_TIMEOUT_MS / 1000 + " s of \""
                                      + step.shown() + "\"";
                            return;
                        }
                        if (!expected.matches(reply)) {
                            failure = id + ": expected " + expected + ", got " + reply.sourceType() + " \""
                                      + reply.content() + "\"";
                            return;
                        }
                        if (expected.answer()) {
                            latencies.add((reply.arrivedNanos() - sentAt) / 1_000_000);
                        }
                    }
                }
                finished = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = id + ": interrupted";
            } catch (RuntimeException e) {
                failure = id + ": " + e.getMessage();
            }
        }

        /** Every expected reply exactly once, in the script's order; nothing extra. */
        synchronized void check(List<String> failures) {
            if (failure != null) {
                failures.add(failure);
                return;
            }
            if (duplicates() > 0) {
                failures.add(id + ": " + duplicates() + " replies arrived twice");
            } else if (all.size() != expectedReplyCount()) {
                failures.add(id + ": " + all.size() + " replies, expected " + expectedReplyCount());
            }
        }

        /** Of the distinct replies (a duplicate counts once, where it first came), how many are where expected. */
        synchronized int inOrder() {
            List<ExpectedReply> expected = steps.stream().flatMap(s -> s.replies().stream()).toList();
            List<Reply> distinct = distinct();
            int n = 0;
            for (int i = 0; i < Math.min(expected.size(), distinct.size()) && expected.get(i).matches(distinct.get(i));
                 i++) {
                n++;
            }
            return n;
        }

        private List<Reply> distinct() {
            Set<String> codes = new HashSet<>();
            return all.stream().filter(r -> r.messageCode() == null || codes.add(r.messageCode())).toList();
        }

        synchronized int duplicates() {
            Set<String> codes = new HashSet<>();
            int dup = 0;
            for (Reply r : all) {
                if (r.messageCode() != null && !codes.add(r.messageCode())) {
                    dup++;
                }
            }
            return dup;
        }
    }
}
