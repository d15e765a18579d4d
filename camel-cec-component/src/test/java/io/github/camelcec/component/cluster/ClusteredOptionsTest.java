package io.github.camelcec.component.cluster;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConsumer;
import io.github.camelcec.component.support.SimulatorComponents;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** clustered=true: what it needs, named when missing; a cluster service given as an option. */
class ClusteredOptionsTest {

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    @TempDir
    Path dir;

    @Test
    void withoutDatabaseAndClusterServiceBothAreNamed() {
        assertThat(startFailure(SimulatorComponents.componentFor(SIM.simulator()), false))
                .hasMessageContaining("clustered")
                .hasMessageContaining("dataSource")
                .hasMessageContaining("CamelClusterService");
    }

    @Test
    void withADatabaseButNoClusterServiceTheServiceIsNamed() {
        CecComponent component = SimulatorComponents.componentFor(SIM.simulator());
        component.setDataSource(h2());
        assertThat(startFailure(component, false))
                .hasMessageContaining("CamelClusterService")
                .hasMessageNotContaining("dataSource");
    }

    @Test
    void withAClusterServiceButNoDatabaseTheDatabaseIsNamed() {
        assertThat(startFailure(SimulatorComponents.componentFor(SIM.simulator()), true))
                .hasMessageContaining("dataSource")
                .hasMessageNotContaining("CamelClusterService");
    }

    @Test
    void aClusterServiceFromTheRegistryIsStartedWithTheContextAndLeadsThePartitions() throws Exception {
        FileLockClusterService service = new FileLockClusterService();
        service.setRoot(dir.resolve("cluster").toString());
        service.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        CecComponent component = SimulatorComponents.componentFor(SIM.simulator());
        component.setDataSource(h2());
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("cecCluster", service);
            context.addComponent("cec", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("cec:poll?clustered=true&partitions=4&takeoverDelay=0&clusterService=#cecCluster")
                            .routeId("poll").to("log:never");
                }
            });
            context.start();
            CecConsumer consumer = (CecConsumer) context.getRoute("poll").getConsumer();
            await().atMost(Duration.ofSeconds(20)).until(() -> consumer.getPolledPartitionCount() == 4);
            assertThat(service.isStarted()).isTrue();
            assertThat(consumer.getPolledPartitions()).isEqualTo("[0, 1, 2, 3]");
            context.stop();
            assertThat(service.isStarted()).as("stopped with the context").isFalse();
        }
    }

    private JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("state") + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** The innermost cause of the start's failure: the component's own message, whatever Camel wrapped it in. */
    private Throwable startFailure(CecComponent component, boolean withClusterService) {
        Throwable failure = catchThrowable(() -> start(component, withClusterService));
        assertThat(failure).as("the start fails").isNotNull();
        while (failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    private void start(CecComponent component, boolean withClusterService) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            if (withClusterService) {
                FileLockClusterService service = new FileLockClusterService();
                service.setRoot(dir.resolve("cluster").toString());
                context.addService(service);
            }
            context.addComponent("cec", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("cec:poll?clustered=true").to("log:never");
                }
            });
            context.start();
        }
    }
}
