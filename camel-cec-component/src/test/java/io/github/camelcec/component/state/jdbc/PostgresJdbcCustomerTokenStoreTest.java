package io.github.camelcec.component.state.jdbc;

class PostgresJdbcCustomerTokenStoreTest extends JdbcCustomerTokenStoreContract {

    @Override
    protected StateTestDatabase openDatabase() {
        return new EmbeddedPostgresDatabase();
    }
}
