package io.github.camelcec.component.cluster;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelcec.component.state.jdbc.EmbeddedPostgresDatabase;

/** The failover test on a real PostgreSQL started in the test JVM; the replicas' JVMs connect over TCP. */
class PostgresReplicaFailoverIT extends ReplicaFailoverContract {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final String prefix = "failover" + RUNS.incrementAndGet() + "_";

    @Override
    protected String[] database(Path dir) {
        return new String[] { EmbeddedPostgresDatabase.jdbcUrl(), "postgres", "postgres" };
    }

    @Override
    protected String prefix() {
        return prefix;
    }
}
