package io.github.camelcec.component.state.jdbc;

class PostgresJdbcPendingMessageStoreTest extends JdbcPendingMessageStoreContract {

    @Override
    protected StateTestDatabase openDatabase() {
        return new EmbeddedPostgresDatabase();
    }
}
