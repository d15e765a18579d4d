package io.github.camelcec.component.cluster;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;

/** The replicas' contract on Camel's file-lock cluster service: one lock file per partition in a shared folder. */
class FileLockReplicasTest extends ReplicasContract {

    @Override
    protected CamelClusterService clusterService(String name, Path dir) {
        FileLockClusterService service = new FileLockClusterService();
        service.setId(name);
        service.setRoot(dir.resolve("cluster").toString());
        service.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(250, TimeUnit.MILLISECONDS);
        return service;
    }
}
