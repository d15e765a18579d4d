package io.github.camelcec.examples;

import java.nio.file.Path;

import io.github.camelcec.component.CecComponent;
import io.github.camelcec.component.CecConfiguration;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bridge as a replica when the cluster folder is set, and the single bridge it always was when it is not. */
class ReplicaConfigurationTest {

    @TempDir
    Path dir;

    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.shutdown();
        }
    }

    @Test
    void withoutAClusterFolderTheBridgeIsASingleInstance() throws Exception {
        main = new Main(BridgeApplication.class);
        main.init();
        assertThat(main.getCamelContext().hasServices(CamelClusterService.class)).isEmpty();
        CecConfiguration cec = main.getCamelContext().getComponent("cec", CecComponent.class).getConfiguration();
        assertThat(cec.isClustered()).isFalse();
        assertThat(cec.getClientId()).isNull();
    }

    @Test
    void aClusterFolderMakesTheBridgeAReplicaNamedByItsId() throws Exception {
        Path root = dir.resolve("cluster");
        main = new Main(BridgeApplication.class);
        main.addOverrideProperty("cec.cluster-root", root.toString());
        main.addOverrideProperty("cec.replica-id", "bridge-2");
        main.init();

        assertThat(main.getCamelContext().hasServices(CamelClusterService.class)).singleElement()
                .isInstanceOfSatisfying(FileLockClusterService.class, service -> {
                    assertThat(service.getId()).isEqualTo("bridge-2");
                    assertThat(service.getRoot()).isEqualTo(root.toString());
                    assertThat(service.getAcquireLockInterval()).isEqualTo(1000);
                });
        assertThat(root).isDirectory();
        CecConfiguration cec = main.getCamelContext().getComponent("cec", CecComponent.class).getConfiguration();
        assertThat(cec.isClustered()).isTrue();
        assertThat(cec.getClientId()).isEqualTo("bridge-2");
        assertThat(cec.getPartitions()).isEqualTo(16);
        assertThat(cec.getTakeoverDelay()).isEqualTo(1000);
    }

    @Test
    void aClusterFolderWithoutAReplicaIdIsRefusedNamingTheVariable() {
        main = new Main(BridgeApplication.class);
        main.addOverrideProperty("cec.cluster-root", dir.resolve("cluster").toString());
        assertThatThrownBy(main::init).hasStackTraceContaining("CEC_REPLICA_ID");
    }
}
