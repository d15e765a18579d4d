package io.github.camelcec.component.state.jdbc;

import java.time.Clock;

import io.github.camelcec.component.state.CustomerTokenStore;
import io.github.camelcec.component.state.CustomerTokenStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresJdbcCustomerTokenStoreTest extends CustomerTokenStoreContract {

    private StateTestDatabase database;

    @BeforeEach
    void openDatabase() {
        database = new EmbeddedPostgresDatabase();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected CustomerTokenStore newStore(Clock clock) {
        return new JdbcCustomerTokenStore(database.install(), clock);
    }

    @Override
    protected boolean instancesShareState() {
        return true;
    }
}
