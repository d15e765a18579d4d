package io.github.camelcec.component.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConfiguration;
import io.github.camelcec.component.CecConstants;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelcec.component.model.DownlinkMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The application the crash and restart tests run in a JVM of its own: {@code cec:poll} with the state in a database
 * and a slow route that writes every message it finished to a file ({@code userId TAB sourceType TAB content TAB
 * messageCode TAB epochMillis}), so
 * the test can kill it mid-delivery and compare. Arguments: {@code key=value} pairs (see {@link #main}). Prints
 * {@code READY} once it polls; stops gracefully on SIGTERM.
 */
public final class PollingApplication {

    /** The file-lock cluster service's heartbeat: a leader not heard of for 5 of them is taken over. */
    public static final long LOCK_INTERVAL_MILLIS = 500;

    private PollingApplication() {
    }

    /**
     * {@code baseUrl, appKey, appSecret, channelConfigId, jdbcUrl, jdbcUser, jdbcPassword, prefix, out,
     * routeMillis, failRate, connect} (a comma-separated list of customers to CONNECT first, may be empty); as a replica also
     * {@code clusterRoot} (the file-lock cluster service's folder: the consumer runs clustered), {@code clientId},
     * {@code partitions} and {@code takeoverDelay}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> arg = new java.util.HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            arg.put(a.substring(0, eq), a.substring(eq + 1));
        }
        Path out = Path.of(arg.get("out"));
        long routeMillis = Long.parseLong(arg.getOrDefault("routeMillis", "0"));
        double failRate = Double.parseDouble(arg.getOrDefault("failRate", "0"));

        CamelContext context = new DefaultCamelContext();
        CecComponent component = new CecComponent();
        CecConfiguration config = component.getConfiguration();
        config.setBaseUrl(arg.get("baseUrl"));
        config.setAppKey(arg.get("appKey"));
        config.setAppSecret(arg.get("appSecret"));
        config.setChannelConfigId(arg.get("channelConfigId"));
        component.setDataSource(dataSource(arg.get("jdbcUrl"), arg.get("jdbcUser"), arg.get("jdbcPassword")));
        component.setStateTablePrefix(arg.getOrDefault("prefix", "cec_"));
        context.addComponent("cec", component);
        context.getShutdownStrategy().setTimeout(10);
        String poll = "cec:poll?delay=50";
        if (arg.containsKey("clusterRoot")) {
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setId(arg.get("clientId"));
            cluster.setRoot(arg.get("clusterRoot"));
            cluster.setAcquireLockDelay(LOCK_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            cluster.setAcquireLockInterval(LOCK_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            context.addService(cluster);
            config.setClientId(arg.get("clientId"));
            poll += "&clustered=true&partitions=" + arg.get("partitions") + "&takeoverDelay=" + arg.get("takeoverDelay");
        }
        String uri = poll;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll").process(e -> {
                    Thread.sleep(routeMillis); // a slow downstream system, so that a kill lands mid-delivery
                    if (ThreadLocalRandom.current().nextDouble() < failRate) {
                        throw new IllegalStateException("the downstream system failed this exchange");
                    }
                    write(out, e);
                });
            }
        });
        context.start();
        for (String customer : arg.getOrDefault("connect", "").split(",")) {
            if (!customer.isBlank()) {
                context.createProducerTemplate().sendBodyAndHeaders("cec:send", "",
                        Map.of(CecConstants.USER_ID, customer, CecConstants.CONTROL_TYPE, "CONNECT"));
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.stop();
            stopped.countDown();
        }));
        System.out.println("READY");
        System.out.flush();
        stopped.await();
    }

    private static synchronized void write(Path out, Exchange exchange) {
        DownlinkMessage m = exchange.getMessage().getBody(DownlinkMessage.class);
        String line = exchange.getMessage().getHeader(CecConstants.USER_ID) + "\t" + m.getSourceType() + "\t"
                      + m.getContent() + "\t" + m.getMessageCode() + "\t" + System.currentTimeMillis() + "\n";
        try {
            Files.writeString(out, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pooled DataSource, as production runs it (a connection per store call would be slow on PostgreSQL). */
    private static DataSource dataSource(String url, String user, String password) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(8);
        return new HikariDataSource(pool);
    }
}
