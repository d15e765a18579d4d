package io.github.camelcec.component.state.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * The four state tables on one DataSource: {@link #install} creates what is missing (PostgreSQL or H2 in PostgreSQL
 * mode), then checks that every table has the columns the stores use, with types they can read. Tables a DBA created
 * from docs/state.md are used as they are.
 */
public final class JdbcStateSchema {

    public static final String DEFAULT_PREFIX = "cec_";

    /** A plain SQL identifier, short enough for PostgreSQL's 63-character names with the index suffixes. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,29}");

    private static final int CREATE_ATTEMPTS = 3;

    private static final Pattern SECRET_IN_MESSAGE = Pattern.compile("(?i)(password|pwd)=[^;&\\s]*");

    private enum ColumnType {
        TEXT(Set.of(Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB,
                Types.CHAR, Types.NCHAR)),
        BIGINT(Set.of(Types.BIGINT, Types.NUMERIC, Types.DECIMAL)),
        INTEGER(Set.of(Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.NUMERIC, Types.DECIMAL));

        private final Set<Integer> readableAs;

        ColumnType(Set<Integer> readableAs) {
            this.readableAs = readableAs;
        }
    }

    private record Column(String name, ColumnType type) {
    }

    /** {@code key}: the columns of the primary key or unique constraint the stores' ON CONFLICT relies on. */
    private record Table(String suffix, List<Column> columns, List<String> key) {
    }

    private static final Table SESSION = new Table("session", List.of(
            new Column("user_id", ColumnType.TEXT), new Column("user_name", ColumnType.TEXT),
            new Column("locale", ColumnType.TEXT), new Column("last_activity", ColumnType.BIGINT),
            new Column("disconnected_at", ColumnType.BIGINT), new Column("owner", ColumnType.TEXT)),
            List.of("user_id"));
    private static final Table PENDING_MESSAGE = new Table("pending_message", List.of(
            new Column("seq", ColumnType.BIGINT), new Column("user_id", ColumnType.TEXT),
            new Column("message_key", ColumnType.TEXT), new Column("message", ColumnType.TEXT),
            new Column("attempts", ColumnType.INTEGER)),
            List.of("user_id", "message_key"));
    private static final Table DELIVERED_CODE = new Table("delivered_code", List.of(
            new Column("message_code", ColumnType.TEXT), new Column("created_at", ColumnType.BIGINT)),
            List.of("message_code"));
    private static final Table CUSTOMER_TOKEN = new Table("customer_token", List.of(
            new Column("user_id", ColumnType.TEXT), new Column("token_value", ColumnType.TEXT),
            new Column("expires_at", ColumnType.BIGINT)),
            List.of("user_id"));
    private static final List<Table> TABLES = List.of(SESSION, PENDING_MESSAGE, DELIVERED_CODE, CUSTOMER_TOKEN);

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final String prefix;

    private JdbcStateSchema(DataSource dataSource, SqlDialect dialect, String prefix) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.prefix = prefix;
    }

    /** {@link #install(DataSource, String)} with the tables {@code cec_session}, {@code cec_pending_message}, ... */
    public static JdbcStateSchema install(DataSource dataSource) {
        return install(dataSource, DEFAULT_PREFIX);
    }

    /**
     * Creates the missing tables and indexes, and checks the columns and unique keys of all four.
     *
     * @param  prefix                   starts every table and index name, e.g. {@code cec_}
     * @throws IllegalArgumentException for a prefix that is not a plain SQL identifier
     * @throws IllegalStateException    when the database cannot be reached, is not supported, or a table lacks a
     *                                  column or its unique key, or has a column of a type the stores cannot read
     */
    public static JdbcStateSchema install(DataSource dataSource, String prefix) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("The state table prefix must be a letter followed by at most 29"
                                               + " letters, digits or underscores, was '" + prefix + "'");
        }
        for (int attempt = 1;; attempt++) {
            try (Connection c = connect(dataSource)) {
                c.setAutoCommit(true);
                JdbcStateSchema schema = new JdbcStateSchema(dataSource, SqlDialect.of(c), prefix);
                schema.createAndValidate(c);
                return schema;
            } catch (SQLException e) {
                // replicas starting together race on CREATE ... IF NOT EXISTS (PostgreSQL reports a duplicate
                // pg_type row, H2 an existing object); once the winner committed, the next attempt finds the tables
                if (attempt == CREATE_ATTEMPTS) {
                    throw new IllegalStateException("Cannot prepare the state tables: "
                                                    + withoutSecrets(e.getMessage()), e);
                }
            }
        }
    }

    private static Connection connect(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the state database: " + withoutSecrets(e.getMessage()),
                    e);
        }
    }

    /**
     * The statements {@link #install} runs to create the tables and indexes, in order; docs/state.md prints them for
     * a DBA who creates the tables instead.
     */
    public static List<String> ddl(SqlDialect dialect, String prefix) {
        return List.of(createTables(dialect, prefix), createIndexes(prefix)).stream().flatMap(List::stream).toList();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public String prefix() {
        return prefix;
    }

    public String sessionTable() {
        return prefix + SESSION.suffix();
    }

    public String pendingMessageTable() {
        return prefix + PENDING_MESSAGE.suffix();
    }

    public String deliveredCodeTable() {
        return prefix + DELIVERED_CODE.suffix();
    }

    public String customerTokenTable() {
        return prefix + CUSTOMER_TOKEN.suffix();
    }

    private void createAndValidate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String create : createTables(dialect, prefix)) {
                s.execute(create);
            }
            // before the indexes: an index on a missing column would fail with a less helpful message
            for (Table t : TABLES) {
                validateColumns(s, t);
                validateKey(c, t);
            }
            for (String index : createIndexes(prefix)) {
                s.execute(index);
            }
        }
    }

    private void validateColumns(Statement s, Table table) throws SQLException {
        String name = prefix + table.suffix();
        Map<String, Integer> actual = new HashMap<>();
        Map<String, String> typeNames = new HashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + name + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String column = md.getColumnName(i).toLowerCase(Locale.ROOT);
                actual.put(column, md.getColumnType(i));
                typeNames.put(column, md.getColumnTypeName(i));
            }
        }
        for (Column expected : table.columns()) {
            Integer type = actual.get(expected.name());
            if (type == null) {
                throw new IllegalStateException("Table " + name + " has no column '" + expected.name()
                                                + "' (expected " + expected.type()
                                                + "); create the table as docs/state.md shows, or use another prefix");
            }
            if (!expected.type().readableAs.contains(type)) {
                throw new IllegalStateException("Table " + name + " has column '" + expected.name() + "' of type "
                                                + typeNames.get(expected.name()) + ", expected " + expected.type()
                                                + "; create the table as docs/state.md shows, or use another prefix");
            }
        }
    }

    /**
     * Without its key, {@code INSERT ... ON CONFLICT DO NOTHING} would add duplicates instead of skipping them, and two
     * replicas could both register one customer.
     */
    private void validateKey(Connection c, Table table) throws SQLException {
        String name = prefix + table.suffix();
        DatabaseMetaData md = c.getMetaData();
        String stored = md.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT)
                : md.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
        Map<String, Set<String>> uniqueIndexes = new HashMap<>();
        try (ResultSet rs = md.getIndexInfo(c.getCatalog(), c.getSchema(), stored, true, true)) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                if (column != null) {
                    uniqueIndexes.computeIfAbsent(rs.getString("INDEX_NAME"), i -> new HashSet<>())
                            .add(column.toLowerCase(Locale.ROOT));
                }
            }
        }
        if (!uniqueIndexes.containsValue(Set.copyOf(table.key()))) {
            throw new IllegalStateException("Table " + name + " has no primary key or unique constraint on ("
                                            + String.join(", ", table.key()) + "), which keeps its rows unique;"
                                            + " create the table as docs/state.md shows, or use another prefix");
        }
    }

    private static List<String> createTables(SqlDialect dialect, String p) {
        String text = dialect.unboundedText();
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + p + "session (\n"
                       + "  user_id VARCHAR(255) NOT NULL PRIMARY KEY,\n"
                       + "  user_name VARCHAR(255) NOT NULL,\n"
                       + "  locale VARCHAR(64),\n"
                       + "  last_activity BIGINT NOT NULL,\n"
                       + "  disconnected_at BIGINT NOT NULL DEFAULT 0,\n"
                       + "  owner VARCHAR(255)\n"
                       + ")",
                "CREATE TABLE IF NOT EXISTS " + p + "pending_message (\n"
                       + "  seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
                       + "  user_id VARCHAR(255) NOT NULL,\n"
                       + "  message_key VARCHAR(255) NOT NULL,\n"
                       + "  message " + text + " NOT NULL,\n"
                       + "  attempts INTEGER NOT NULL DEFAULT 0,\n"
                       + "  CONSTRAINT " + p + "pending_message_key UNIQUE (user_id, message_key)\n"
                       + ")",
                "CREATE TABLE IF NOT EXISTS " + p + "delivered_code (\n"
                       + "  message_code VARCHAR(255) NOT NULL PRIMARY KEY,\n"
                       + "  created_at BIGINT NOT NULL\n"
                       + ")",
                "CREATE TABLE IF NOT EXISTS " + p + "customer_token (\n"
                       + "  user_id VARCHAR(255) NOT NULL PRIMARY KEY,\n"
                       + "  token_value " + text + " NOT NULL,\n"
                       + "  expires_at BIGINT NOT NULL\n"
                       + ")");
    }

    private static List<String> createIndexes(String p) {
        return List.of(
                "CREATE INDEX IF NOT EXISTS " + p + "pending_message_order ON " + p + "pending_message (user_id, seq)",
                "CREATE INDEX IF NOT EXISTS " + p + "delivered_code_age ON " + p + "delivered_code (created_at)");
    }

    /** Masks {@code password=...} in a driver's message, as some echo their URL. */
    static String withoutSecrets(String message) {
        return message == null ? "" : SECRET_IN_MESSAGE.matcher(message).replaceAll("$1=***");
    }
}
