package io.github.camelcec.component.durable;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelcec.component.state.jdbc.EmbeddedPostgresDatabase;

/** The crash and restart tests on a real PostgreSQL started in the test JVM; the child JVMs connect over TCP. */
class PostgresCrashAndRestartIT extends CrashAndRestartContract {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final String prefix = "crash" + RUNS.incrementAndGet() + "_";

    @Override
    protected String[] database(Path dir) {
        return new String[] { EmbeddedPostgresDatabase.jdbcUrl(), "postgres", "postgres" };
    }

    @Override
    protected String prefix() {
        return prefix;
    }
}
