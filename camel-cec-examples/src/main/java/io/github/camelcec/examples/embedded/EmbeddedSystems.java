package io.github.camelcec.examples.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.camelcec.examples.config.BridgeSettings;

/**
 * Starts an in-process stand-in for each outside system whose address the settings leave empty (CEC, Kafka, SMTP,
 * ticketing) and fills its address in; a system that is configured is left alone, so the same app bridges real ones.
 */
public final class EmbeddedSystems implements AutoCloseable {

    private final BridgeSettings settings;
    private final EmbeddedCec cec;
    private final EmbeddedKafka kafka;
    private final EmbeddedSmtp smtp;
    private final EmbeddedTicketDesk ticketDesk;

    private EmbeddedSystems(BridgeSettings settings, EmbeddedCec cec, EmbeddedKafka kafka, EmbeddedSmtp smtp,
                            EmbeddedTicketDesk ticketDesk) {
        this.settings = settings;
        this.cec = cec;
        this.kafka = kafka;
        this.smtp = smtp;
        this.ticketDesk = ticketDesk;
    }

    public static EmbeddedSystems startMissing(BridgeSettings configured) {
        BridgeSettings s = configured;
        List<AutoCloseable> started = new ArrayList<>();
        try {
            EmbeddedCec cec = null;
            if (s.isBlank(BridgeSettings.CEC_BASE_URL)) {
                cec = EmbeddedCec.start(s.get(BridgeSettings.CEC_APP_KEY), s.get(BridgeSettings.CEC_APP_SECRET),
                        s.get(BridgeSettings.CEC_CHANNEL_CONFIG_ID));
                started.add(cec);
                s = s.with(BridgeSettings.CEC_BASE_URL, cec.baseUrl());
            }
            EmbeddedKafka kafka = null;
            if (s.isBlank(BridgeSettings.KAFKA_BROKERS)) {
                kafka = EmbeddedKafka.start(List.of(s.get(BridgeSettings.KAFKA_TOPIC_CUSTOMER_IN),
                        s.get(BridgeSettings.KAFKA_TOPIC_CHAT_OUT)));
                started.add(kafka);
                s = s.with(BridgeSettings.KAFKA_BROKERS, kafka.bootstrapServers());
            }
            EmbeddedSmtp smtp = null;
            if (s.isBlank(BridgeSettings.SMTP_HOST)) {
                smtp = EmbeddedSmtp.start();
                started.add(smtp);
                s = s.with(BridgeSettings.SMTP_HOST, smtp.host()).with(BridgeSettings.SMTP_PORT, String.valueOf(smtp.port()));
            }
            EmbeddedTicketDesk desk = null;
            if (s.isBlank(BridgeSettings.TICKET_URL)) {
                desk = EmbeddedTicketDesk.start();
                started.add(desk);
                s = s.with(BridgeSettings.TICKET_URL, desk.url());
            }
            return new EmbeddedSystems(s, cec, kafka, smtp, desk);
        } catch (RuntimeException e) {
            closeAll(started, e);
            throw e;
        }
    }

    /** The configured settings with the embedded systems' addresses filled in. */
    public BridgeSettings settings() {
        return settings;
    }

    public Optional<EmbeddedCec> cec() {
        return Optional.ofNullable(cec);
    }

    public Optional<EmbeddedKafka> kafka() {
        return Optional.ofNullable(kafka);
    }

    public Optional<EmbeddedSmtp> smtp() {
        return Optional.ofNullable(smtp);
    }

    public Optional<EmbeddedTicketDesk> ticketDesk() {
        return Optional.ofNullable(ticketDesk);
    }

    /** One line per system: embedded (with its address) or configured. */
    public List<String> describe() {
        return List.of(
                line("CEC", cec != null, settings.get(BridgeSettings.CEC_BASE_URL), "simulator, scripted agent desk"),
                line("Kafka", kafka != null, settings.get(BridgeSettings.KAFKA_BROKERS), "KRaft, 1 node"),
                line("SMTP", smtp != null, settings.get(BridgeSettings.SMTP_HOST) + ":" + settings.get(BridgeSettings.SMTP_PORT),
                        "GreenMail"),
                line("Tickets", ticketDesk != null, settings.get(BridgeSettings.TICKET_URL), "stand-in REST API"));
    }

    private static String line(String what, boolean embedded, String address, String embeddedKind) {
        return String.format("  %-8s %s %s", what, address, embedded ? "(embedded " + embeddedKind + ")" : "(configured)");
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>();
        // the reverse of the start order: the bridge's clients go before the servers they talk to
        if (ticketDesk != null) {
            all.add(ticketDesk);
        }
        if (smtp != null) {
            all.add(smtp);
        }
        if (kafka != null) {
            all.add(kafka);
        }
        if (cec != null) {
            all.add(cec);
        }
        closeAll(all, null);
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
