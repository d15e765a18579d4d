package io.github.camelcec.component.cluster;

import java.nio.file.Path;

import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The replicas' contract on ZooKeeper (camel-zookeeper 4.18.0's {@link ZooKeeperClusterService} on the 4.22 core,
 * against curator-test's in-process server): one leader election per partition.
 */
class ZooKeeperReplicasTest extends ReplicasContract {

    private static TestingServer zookeeper;

    @BeforeAll
    static void startZooKeeper() throws Exception {
        zookeeper = new TestingServer(true);
    }

    @AfterAll
    static void stopZooKeeper() throws Exception {
        zookeeper.close();
    }

    @Override
    protected CamelClusterService clusterService(String name, Path dir) {
        ZooKeeperClusterService service = new ZooKeeperClusterService();
        // each replica needs an id of its own: leadership is told by it
        service.setId(name);
        service.setNodes(zookeeper.getConnectString());
        service.setBasePath("/cec-" + dir.getFileName());
        return service;
    }
}
