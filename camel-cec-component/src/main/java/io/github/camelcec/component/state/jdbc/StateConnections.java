package io.github.camelcec.component.state.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Borrows a connection from the user's DataSource (which pools) for one unit of work. Single statements run in
 * auto-commit; {@link #inTransaction} commits or rolls back. A pool may hand out a connection in either mode, so each
 * use sets the mode it needs and restores the pool's.
 */
final class StateConnections {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    StateConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs one statement (or several independent ones) in auto-commit. */
    <T> T inAutoCommit(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (!autoCommit) {
                c.setAutoCommit(true);
            }
            try {
                return work.run(c);
            } finally {
                if (!autoCommit) {
                    c.setAutoCommit(false);
                }
            }
        }
    }

    /** Runs one statement with its parameters in auto-commit; returns the rows it changed. */
    int update(String sql, Object... parameters) throws SQLException {
        return inAutoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setObject(i + 1, parameters[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    /** The single number a query such as {@code SELECT COUNT(*)} answers. */
    int count(String sql) throws SQLException {
        return inAutoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Runs the work in one transaction: all of it is committed, or none. */
    <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                if (autoCommit) {
                    c.setAutoCommit(true);
                }
            }
        }
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
