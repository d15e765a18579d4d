package io.github.camelcec.component.state.jdbc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.github.camelcec.component.state.SessionStore;
import io.github.camelcec.component.state.SessionStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2JdbcSessionStoreTest extends SessionStoreContract {

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
    protected SessionStore newStore(Duration idleTimeout, Clock clock) {
        return new JdbcSessionStore(database.install(), idleTimeout, clock);
    }

    @Override
    protected boolean instancesShareState() {
        return true;
    }
}
