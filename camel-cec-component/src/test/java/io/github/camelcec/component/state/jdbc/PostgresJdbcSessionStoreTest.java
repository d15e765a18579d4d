package io.github.camelcec.component.state.jdbc;

class PostgresJdbcSessionStoreTest extends JdbcSessionStoreContract {

    @Override
    protected StateTestDatabase openDatabase() {
        return new EmbeddedPostgresDatabase();
    }
}
