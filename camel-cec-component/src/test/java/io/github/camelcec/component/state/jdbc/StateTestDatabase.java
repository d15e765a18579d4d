package io.github.camelcec.component.state.jdbc;

import javax.sql.DataSource;

/** A database for one test: the state tables under {@link #prefix()} are the test's own. */
public interface StateTestDatabase extends AutoCloseable {

    DataSource dataSource();

    String prefix();

    /** What each JVM does on start: create what is missing, check the rest. */
    default JdbcStateSchema install() {
        return JdbcStateSchema.install(dataSource(), prefix());
    }

    @Override
    void close();
}
