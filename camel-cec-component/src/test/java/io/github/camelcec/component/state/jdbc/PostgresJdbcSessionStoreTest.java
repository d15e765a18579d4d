package io.github.camelcec.component.state.jdbc;

import java.time.Clock;
import java.time.Duration;

import io.github.camelcec.component.state.SessionStore;
import io.github.camelcec.component.state.SessionStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresJdbcSessionStoreTest extends SessionStoreContract {

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
    protected SessionStore newStore(Duration idleTimeout, Clock clock) {
        return new JdbcSessionStore(database.install(), idleTimeout, clock);
    }

    @Override
    protected boolean instancesShareState() {
        return true;
    }
}
