package io.github.camelcec.component.state.jdbc;

class PostgresJdbcStateSchemaTest extends JdbcStateSchemaContract {

    @Override
    protected StateTestDatabase openDatabase() {
        return new EmbeddedPostgresDatabase();
    }
}
