package io.github.camelcec.component.state.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * An H2 database file in PostgreSQL mode, as the examples run it. One connection stays open for the test's length,
 * so the database is not closed and reopened between the stores' connections.
 */
public final class H2FileDatabase implements StateTestDatabase {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection keepOpen;

    public H2FileDatabase(Path directory) {
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("state") + ";MODE=PostgreSQL");
        try {
            keepOpen = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open H2 in " + directory, e);
        }
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String prefix() {
        return JdbcStateSchema.DEFAULT_PREFIX;
    }

    @Override
    public void close() {
        try {
            keepOpen.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
