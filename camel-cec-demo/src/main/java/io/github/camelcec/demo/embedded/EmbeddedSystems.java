package io.github.camelcec.demo.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelcec.testsupport.EmbeddedKafka;

/**
 * The outside systems of the bridge, each started in this JVM on random loopback ports: the CEC simulator with the
 * scripted agent desk, a one-node Kafka, GreenMail's SMTP server and the ticket desk.
 */
public final class EmbeddedSystems implements AutoCloseable {

    /** The bridge's default topics, created with 4 partitions so that customers spread over them. */
    public static final List<String> TOPICS = List.of("cec.customer.in", "cec.chat.out");
    private static final int PARTITIONS = 4;

    private final EmbeddedCec cec;
    private final EmbeddedKafka kafka;
    private final EmbeddedSmtp smtp;
    private final EmbeddedTicketDesk ticketDesk;
    /** The bridge's state database (H2 file) of this run: a restart of the bridge in this run carries it on. */
    private final Path stateDirectory;

    private EmbeddedSystems(EmbeddedCec cec, EmbeddedKafka kafka, EmbeddedSmtp smtp, EmbeddedTicketDesk ticketDesk,
                            Path stateDirectory) {
        this.cec = cec;
        this.kafka = kafka;
        this.smtp = smtp;
        this.ticketDesk = ticketDesk;
        this.stateDirectory = stateDirectory;
    }

    public static EmbeddedSystems start() {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            EmbeddedCec cec = EmbeddedCec.start();
            started.add(cec);
            EmbeddedKafka kafka = EmbeddedKafka.start();
            started.add(0, kafka);
            kafka.createTopics(PARTITIONS, TOPICS.toArray(String[]::new));
            EmbeddedSmtp smtp = EmbeddedSmtp.start();
            started.add(0, smtp);
            EmbeddedTicketDesk desk = EmbeddedTicketDesk.start();
            started.add(0, desk);
            Path state = Files.createTempDirectory(Files.createDirectories(Path.of("target", "cec-state")), "run-");
            return new EmbeddedSystems(cec, kafka, smtp, desk, state);
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("Cannot create the bridge's state directory", e);
            closeAll(started, failure);
            throw failure;
        } catch (RuntimeException e) {
            closeAll(started, e);
            throw e;
        }
    }

    /**
     * The bridge's settings for these systems, as properties of its application.properties: every address and
     * credential, so that nothing of them is left to a default or to the environment.
     */
    public Map<String, String> bridgeProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("cec.base-url", cec.baseUrl());
        p.put("cec.app-key", EmbeddedCec.APP_KEY);
        p.put("cec.app-secret", EmbeddedCec.APP_SECRET);
        p.put("cec.channel-config-id", EmbeddedCec.CHANNEL_CONFIG_ID);
        p.put("kafka.brokers", kafka.bootstrapServers());
        p.put("smtp.host", smtp.host());
        p.put("smtp.port", String.valueOf(smtp.port()));
        p.put("smtp.protocol", "smtp");
        p.put("smtp.username", "");
        p.put("smtp.password", "");
        p.put("ticket.url", ticketDesk.url());
        // a fresh database per run: sessions and tokens of an earlier run's simulator mean nothing to this one
        p.put("cec.state.jdbc-url", "jdbc:h2:file:" + stateDirectory.resolve("bridge").toAbsolutePath()
                                    + ";MODE=PostgreSQL;WRITE_DELAY=0");
        p.put("cec.state.user", "sa");
        p.put("cec.state.password", "");
        return p;
    }

    /** This run's folder for the bridge's state: the H2 file, and the replicas' cluster folder. */
    public Path stateDirectory() {
        return stateDirectory;
    }

    public EmbeddedCec cec() {
        return cec;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedSmtp smtp() {
        return smtp;
    }

    public EmbeddedTicketDesk ticketDesk() {
        return ticketDesk;
    }

    /** One line per system with its address. */
    public List<String> describe() {
        return List.of(
                line("CEC", cec.baseUrl(), "simulator, scripted agent desk"),
                line("Kafka", kafka.bootstrapServers(), "KRaft, 1 node"),
                line("SMTP", smtp.host() + ":" + smtp.port(), "GreenMail"),
                line("Tickets", ticketDesk.url(), "stand-in REST API"),
                line("State", stateDirectory.resolve("bridge").toString(), "H2 file, PostgreSQL mode"));
    }

    private static String line(String what, String address, String kind) {
        return String.format("  %-8s %s (embedded %s)", what, address, kind);
    }

    /** The reverse of the start order: the clients of the bridge go before the servers they talk to. */
    @Override
    public void close() {
        closeAll(List.of(ticketDesk, smtp, kafka, cec), null);
    }

    private static void closeAll(List<AutoCloseable> resources, RuntimeException primary) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                if (primary != null) {
                    primary.addSuppressed(e);
                }
            }
        }
    }
}
