package io.github.camelcec.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConfiguration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.spi.ComponentCustomizer;

/**
 * The bridge as one of several replicas on one machine (product.md §4). When {@code cec.cluster-root}
 * ({@code CEC_CLUSTER_ROOT}) names a folder, the replicas elect the leaders of the customer partitions through Camel's
 * file-lock cluster service on that folder, and the bridge's {@code cec:poll} — of the Java, YAML or Kamelet routes —
 * polls only the customers of the partitions this replica leads ({@code clustered=true}); the replica's name,
 * {@code cec.replica-id} ({@code CEC_REPLICA_ID}), is its member id and the {@code clientId} CEC sees. Unset, nothing
 * here happens: a single bridge polls every customer.
 */
@Configuration
public class ReplicaConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        String root = setting(context, "cec.cluster-root");
        if (root.isEmpty()) {
            return;
        }
        String replicaId = setting(context, "cec.replica-id");
        if (replicaId.isEmpty()) {
            throw new IllegalArgumentException("cec.cluster-root (CEC_CLUSTER_ROOT) is set, so this bridge is one of "
                                               + "several replicas and needs a name of its own: set cec.replica-id "
                                               + "(CEC_REPLICA_ID)");
        }
        context.addService(clusterService(replicaId, root,
                Long.parseLong(setting(context, "cec.cluster.lock-interval-ms"))));
        // a customizer, not the component itself: the component is created later, when its properties are bound
        context.getRegistry().bind("cecReplica", ComponentCustomizer.forType(CecComponent.class, cec -> {
            CecConfiguration config = cec.getConfiguration();
            config.setClustered(true);
            config.setClientId(replicaId);
        }));
    }

    private static FileLockClusterService clusterService(String replicaId, String root, long lockIntervalMillis) {
        try {
            Files.createDirectories(Path.of(root));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the cluster folder " + root, e);
        }
        FileLockClusterService service = new FileLockClusterService();
        service.setId(replicaId);
        service.setRoot(root);
        // the leader renews its lease each interval; a leader not heard of for 5 intervals is replaced
        service.setAcquireLockDelay(lockIntervalMillis, TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(lockIntervalMillis, TimeUnit.MILLISECONDS);
        return service;
    }

    private static String setting(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).map(String::trim).orElse("");
    }
}
