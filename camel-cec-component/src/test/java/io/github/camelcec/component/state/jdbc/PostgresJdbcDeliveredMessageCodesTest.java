package io.github.camelcec.component.state.jdbc;

class PostgresJdbcDeliveredMessageCodesTest extends JdbcDeliveredMessageCodesContract {

    @Override
    protected StateTestDatabase openDatabase() {
        return new EmbeddedPostgresDatabase();
    }
}
