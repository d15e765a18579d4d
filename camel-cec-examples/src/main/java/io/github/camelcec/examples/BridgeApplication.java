package io.github.camelcec.examples;

import java.io.PrintStream;
import java.util.Locale;

import io.github.camelcec.examples.config.BridgeSettings;
import io.github.camelcec.examples.demo.DemoDriver;
import io.github.camelcec.examples.demo.DemoReport;
import io.github.camelcec.examples.embedded.EmbeddedSystems;

/**
 * The CEC bridge. With nothing configured it starts the CEC simulator, Kafka, GreenMail and a ticket desk in-process,
 * plays {@code demo.customers} customers through Kafka, prints a summary and exits 0 only if every message arrived.
 * Pointed at a real CEC ({@code CEC_BASE_URL}) it runs as a bridge until stopped.
 *
 * <pre>
 * --customers N          customers the demo plays (demo.customers, default 20)
 * --routes java|yaml|kamelet
 * --demo | --bridge      force the mode (bridge.mode: auto, demo, bridge)
 * </pre>
 */
public final class BridgeApplication {

    private BridgeApplication() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            code = 2;
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        // the Kafka broker and client libraries leave non-daemon threads behind: the exit code is the verdict
        System.exit(code);
    }

    static int run(String[] args, PrintStream out) throws Exception {
        BridgeSettings settings = withArguments(BridgeSettings.load(), args);
        boolean cecConfigured = !settings.isBlank(BridgeSettings.CEC_BASE_URL);
        boolean demo = switch (settings.get(BridgeSettings.MODE).toLowerCase(Locale.ROOT)) {
            case "demo" -> true;
            case "bridge" -> false;
            case "auto", "" -> !cecConfigured;
            default -> throw new IllegalArgumentException("bridge.mode must be auto, demo or bridge");
        };
        if (demo && cecConfigured) {
            throw new IllegalArgumentException("The demo plays customers against the embedded CEC simulator's scripted "
                                               + "agent desk; unset CEC_BASE_URL, or run with --bridge");
        }
        settings.routes(); // fails early on a bad value
        out.println("camel-cec bridge: CEC <-> Kafka, transcripts by e-mail, tickets over HTTP");
        try (EmbeddedSystems systems = EmbeddedSystems.startMissing(settings)) {
            systems.describe().forEach(out::println);
            if (!demo) {
                out.println("Bridging until stopped (Ctrl-C). Customers write to "
                            + settings.get(BridgeSettings.KAFKA_TOPIC_CUSTOMER_IN) + ", CEC answers on "
                            + settings.get(BridgeSettings.KAFKA_TOPIC_CHAT_OUT) + ".");
                CecBridge.runUntilStopped(systems.settings());
                return 0;
            }
            DemoReport report;
            try (CecBridge ignored = CecBridge.start(systems.settings())) {
                report = new DemoDriver(systems.settings(), systems, systems.settings().getInt(BridgeSettings.DEMO_CUSTOMERS), out).run();
            }
            out.println();
            out.println(report.render());
            return report.ok() ? 0 : 1;
        }
    }

    static BridgeSettings withArguments(BridgeSettings settings, String[] args) {
        BridgeSettings s = settings;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--customers" -> s = s.with(BridgeSettings.DEMO_CUSTOMERS, positive(value(args, ++i, "--customers")));
                case "--routes" -> s = s.with(BridgeSettings.ROUTES, value(args, ++i, "--routes"));
                case "--demo" -> s = s.with(BridgeSettings.MODE, "demo");
                case "--bridge" -> s = s.with(BridgeSettings.MODE, "bridge");
                case "--help", "-h" -> throw new IllegalArgumentException(
                        "Usage: BridgeApplication [--customers N] [--routes java|yaml|kamelet] [--demo|--bridge]\n"
                        + "Settings: application.properties, overridden by environment variables (CEC_BASE_URL, "
                        + "CEC_APP_KEY, CEC_APP_SECRET, CEC_CHANNEL_CONFIG_ID, KAFKA_BROKERS, SMTP_HOST, SMTP_PORT, "
                        + "SMTP_USERNAME, SMTP_PASSWORD, TICKET_URL, ...) and -Dkey=value.");
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'; try --help");
            }
        }
        return s;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static String positive(String n) {
        try {
            if (Integer.parseInt(n) > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--customers must be a positive number, not '" + n + "'");
    }
}
