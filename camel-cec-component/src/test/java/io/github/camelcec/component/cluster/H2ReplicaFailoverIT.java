package io.github.camelcec.component.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;

/**
 * The failover test on one H2 file shared by the replicas' JVMs: {@code AUTO_SERVER=TRUE} lets the first process that
 * opens the file serve it to the others over TCP. The test JVM opens it first and keeps it open, so killing a replica
 * never takes the database with it. {@code WRITE_DELAY=0}: a commit is on disk when it returns.
 */
class H2ReplicaFailoverIT extends ReplicaFailoverContract {

    private Connection server;

    @Override
    protected String[] database(Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("state") + ";MODE=PostgreSQL;AUTO_SERVER=TRUE;WRITE_DELAY=0";
        if (server == null) {
            try {
                server = DriverManager.getConnection(url, "sa", "");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot open H2 in " + dir, e);
            }
        }
        return new String[] { url, "sa", "" };
    }

    @Override
    protected String prefix() {
        return "cec_";
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        if (server != null) {
            server.close();
        }
    }
}
