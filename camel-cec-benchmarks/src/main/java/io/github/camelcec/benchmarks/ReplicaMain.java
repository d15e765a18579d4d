package io.github.camelcec.benchmarks;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConfiguration;
import io.github.camelcec.component.CecConstants;
import io.github.camelcec.component.CecConsumer;
import io.github.camelcec.component.model.DownlinkMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One replica of {@link ReplicaBenchmark}, in a JVM of its own: {@code cec:poll?clustered=true} with the state in the
 * shared database and a file-lock or ZooKeeper cluster service. Every message its route finished is appended to a
 * file ({@code userId TAB sourceType TAB content}), one unbuffered write each, so a SIGKILL loses none that was
 * written. Prints {@code READY} once started and {@code PARTITIONS <nanoTime> [..]} whenever the partitions its consumer
 * polls change (sampled every 10 ms; a leadership listener of our own on the service's views kept the file-lock views
 * from ever locking in one run, so the harness only reads the consumer). It never stops by itself: the harness kills it.
 * <p>
 * Arguments, {@code key=value}: {@code baseUrl appKey appSecret channelConfigId jdbcUrl jdbcUser jdbcPassword prefix
 * out clientId partitions takeoverDelay delay maxIdleDelay engine} ({@code file} or {@code zookeeper}); for
 * {@code file} also {@code clusterRoot lockInterval heartbeatMultiplier}; for {@code zookeeper} also
 * {@code zkNodes zkBasePath zkSessionTimeout}.
 */
public final class ReplicaMain {

    private ReplicaMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> arg = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            arg.put(a.substring(0, eq), a.substring(eq + 1));
        }
        String clientId = arg.get("clientId");
        FileOutputStream out = new FileOutputStream(arg.get("out"), true);

        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(clientId);
        CecComponent component = new CecComponent();
        CecConfiguration config = component.getConfiguration();
        config.setBaseUrl(arg.get("baseUrl"));
        config.setAppKey(arg.get("appKey"));
        config.setAppSecret(arg.get("appSecret"));
        config.setChannelConfigId(arg.get("channelConfigId"));
        config.setClientId(clientId);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(arg.get("jdbcUrl"));
        pool.setUsername(arg.get("jdbcUser"));
        pool.setPassword(arg.get("jdbcPassword"));
        pool.setMaximumPoolSize(8);
        component.setDataSource(new HikariDataSource(pool));
        component.setStateTablePrefix(arg.get("prefix"));
        context.addComponent("cec", component);
        CamelClusterService cluster = clusterService(arg, clientId);
        context.addService(cluster);

        String uri = "cec:poll?clustered=true&partitions=" + arg.get("partitions") + "&takeoverDelay="
                     + arg.get("takeoverDelay") + "&delay=" + arg.get("delay") + "&initialDelay=0&maxIdleDelay="
                     + arg.get("maxIdleDelay");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll").process(e -> {
                    DownlinkMessage m = e.getMessage().getBody(DownlinkMessage.class);
                    byte[] line = (e.getMessage().getHeader(CecConstants.USER_ID, String.class) + "\t"
                                   + m.getSourceType() + "\t" + m.getContent() + "\n").getBytes(StandardCharsets.UTF_8);
                    synchronized (out) {
                        try {
                            out.write(line);
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    }
                });
            }
        });
        report("STARTING " + System.nanoTime());
        context.start();
        report("STARTED " + System.nanoTime());
        System.out.println("READY");
        System.out.flush();
        // what the consumer polls: PARTITIONS <nanoTime> [..] (System.nanoTime is the machine's monotonic clock, the
        // one the simulator's journal stamps requests with)
        CecConsumer consumer = (CecConsumer) context.getRoute("poll").getConsumer();
        String reported = null;
        while (true) {
            String now = consumer.getPolledPartitions();
            if (now != null && !now.equals(reported)) {
                reported = now;
                report("PARTITIONS " + System.nanoTime() + " " + now);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private static synchronized void report(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static CamelClusterService clusterService(Map<String, String> arg, String clientId) {
        if ("zookeeper".equals(arg.get("engine"))) {
            ZooKeeperClusterService zk = new ZooKeeperClusterService();
            zk.setId(clientId);
            zk.setNodes(arg.get("zkNodes"));
            zk.setBasePath(arg.get("zkBasePath"));
            zk.setSessionTimeout(Long.parseLong(arg.get("zkSessionTimeout")));
            zk.setConnectTimeout(Long.parseLong(arg.get("zkSessionTimeout")));
            return zk;
        }
        long interval = Long.parseLong(arg.get("lockInterval"));
        FileLockClusterService file = new FileLockClusterService();
        file.setId(clientId);
        file.setRoot(arg.get("clusterRoot"));
        file.setAcquireLockDelay(interval, TimeUnit.MILLISECONDS);
        file.setAcquireLockInterval(interval, TimeUnit.MILLISECONDS);
        file.setHeartbeatTimeoutMultiplier(Integer.parseInt(arg.get("heartbeatMultiplier")));
        return file;
    }
}
