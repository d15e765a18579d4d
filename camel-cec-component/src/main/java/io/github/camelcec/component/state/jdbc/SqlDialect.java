package io.github.camelcec.component.state.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The databases the state tables run on, and the few statements in which they differ. Both accept
 * {@code INSERT ... ON CONFLICT DO NOTHING} (H2 only in PostgreSQL mode, and only without a conflict target), which
 * every insert-if-absent here uses.
 */
public enum SqlDialect {

    POSTGRESQL("TEXT") {
        @Override
        String upsert(String table, String keyColumn, String... valueColumns) {
            StringBuilder sql = new StringBuilder(insertInto(table, keyColumn, valueColumns))
                    .append(" ON CONFLICT (").append(keyColumn).append(") DO UPDATE SET ");
            for (int i = 0; i < valueColumns.length; i++) {
                sql.append(i > 0 ? ", " : "").append(valueColumns[i]).append(" = EXCLUDED.").append(valueColumns[i]);
            }
            return sql.toString();
        }

        @Override
        String updateReturning(String update, String column) {
            return update + " RETURNING " + column;
        }
    },

    H2("VARCHAR") {
        @Override
        String upsert(String table, String keyColumn, String... valueColumns) {
            String insert = insertInto(table, keyColumn, valueColumns);
            return "MERGE" + insert.substring("INSERT".length()).replace(" VALUES ", " KEY (" + keyColumn + ") VALUES ");
        }

        @Override
        String updateReturning(String update, String column) {
            return "SELECT " + column + " FROM FINAL TABLE (" + update + ")";
        }
    };

    private final String unboundedText;

    SqlDialect(String unboundedText) {
        this.unboundedText = unboundedText;
    }

    /** The column type for text of any length (a message's JSON, a token). */
    String unboundedText() {
        return unboundedText;
    }

    /** Inserts the row, or replaces the value columns of the row with the same key: one statement. */
    abstract String upsert(String table, String keyColumn, String... valueColumns);

    /** A query whose single row holds {@code column} after the update, or no row when nothing was updated. */
    abstract String updateReturning(String update, String column);

    /**
     * The dialect of the database behind {@code connection}.
     *
     * @throws IllegalStateException for another database, or H2 outside PostgreSQL mode
     */
    static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        if ("H2".equalsIgnoreCase(product)) {
            String mode = h2Mode(connection);
            if (!"PostgreSQL".equalsIgnoreCase(mode)) {
                throw new IllegalStateException("The H2 state database runs in mode " + mode
                                                + ", but the state tables need MODE=PostgreSQL (for INSERT ... ON"
                                                + " CONFLICT DO NOTHING): add ;MODE=PostgreSQL to its JDBC URL");
            }
            return H2;
        }
        throw new IllegalStateException("The state database is " + product
                                        + ", but the state tables support PostgreSQL and H2 (MODE=PostgreSQL) only");
    }

    private static String h2Mode(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MODE'")) {
            return rs.next() ? rs.getString(1).toUpperCase(Locale.ROOT) : "REGULAR";
        }
    }

    private static String insertInto(String table, String keyColumn, String... valueColumns) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(keyColumn);
        for (String c : valueColumns) {
            sql.append(", ").append(c);
        }
        sql.append(") VALUES (?");
        sql.append(", ?".repeat(valueColumns.length));
        return sql.append(')').toString();
    }
}
