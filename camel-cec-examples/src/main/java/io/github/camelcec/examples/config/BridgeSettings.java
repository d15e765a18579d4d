package io.github.camelcec.examples.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The bridge's own settings ({@code cec.*}, {@code kafka.*}, {@code smtp.*}, {@code transcript.*}, {@code ticket.*},
 * {@code bridge.*}, {@code demo.*}): a {@code -Dkey=value} system property wins over the environment variable
 * ({@code cec.base-url} is {@code CEC_BASE_URL}: upper case, dots and dashes as underscores), which wins over
 * {@code application.properties}. An empty address means "start the embedded stand-in".
 */
public final class BridgeSettings {

    public static final String CEC_BASE_URL = "cec.base-url";
    public static final String CEC_APP_KEY = "cec.app-key";
    public static final String CEC_APP_SECRET = "cec.app-secret";
    public static final String CEC_CHANNEL_CONFIG_ID = "cec.channel-config-id";
    public static final String KAFKA_BROKERS = "kafka.brokers";
    public static final String KAFKA_TOPIC_CUSTOMER_IN = "kafka.topic.customer-in";
    public static final String KAFKA_TOPIC_CHAT_OUT = "kafka.topic.chat-out";
    public static final String SMTP_HOST = "smtp.host";
    public static final String SMTP_PORT = "smtp.port";
    public static final String TICKET_URL = "ticket.url";
    public static final String ROUTES = "bridge.routes";
    public static final String MODE = "bridge.mode";
    public static final String DEMO_CUSTOMERS = "demo.customers";

    private static final String[] OWN_PREFIXES = {"cec.", "kafka.", "smtp.", "transcript.", "ticket.", "bridge.", "demo."};

    private final Map<String, String> values;

    private BridgeSettings(Map<String, String> values) {
        this.values = values;
    }

    /** application.properties, then the environment, then system properties. */
    public static BridgeSettings load() {
        return load(System.getenv(), System.getProperties());
    }

    static BridgeSettings load(Map<String, String> env, Properties system) {
        Properties file = new Properties();
        try (InputStream in = BridgeSettings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                file.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read application.properties", e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : file.stringPropertyNames()) {
            if (isOwn(key)) {
                values.put(key, file.getProperty(key).trim());
            }
        }
        for (String key : values.keySet()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                values.put(key, fromEnv.trim());
            }
        }
        for (String key : system.stringPropertyNames()) {
            if (isOwn(key)) {
                values.put(key, system.getProperty(key).trim());
            }
        }
        return new BridgeSettings(values);
    }

    /** {@code cec.base-url} → {@code CEC_BASE_URL}, as Camel's properties component maps it too. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static boolean isOwn(String key) {
        for (String prefix : OWN_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public String get(String key) {
        String value = values.get(key);
        return value == null ? "" : value;
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    public boolean isBlank(String key) {
        return get(key).isEmpty();
    }

    /** A copy with one value changed (the embedded systems fill in their addresses this way). */
    public BridgeSettings with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new BridgeSettings(copy);
    }

    public RouteVariant routes() {
        return RouteVariant.parse(get(ROUTES));
    }

    /** Every value, for Camel's {@code {{placeholders}}}. */
    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }
}
