package io.github.camelcec.component.state.jdbc;

import java.nio.file.Path;
import java.time.Clock;

import io.github.camelcec.component.state.CustomerTokenStore;
import io.github.camelcec.component.state.CustomerTokenStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2JdbcCustomerTokenStoreTest extends CustomerTokenStoreContract {

    @TempDir
    Path directory;

    private StateTestDatabase database;

    @BeforeEach
    void openDatabase() {
        database = new H2FileDatabase(directory);
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
