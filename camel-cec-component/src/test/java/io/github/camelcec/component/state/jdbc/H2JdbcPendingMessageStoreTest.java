package io.github.camelcec.component.state.jdbc;

import java.nio.file.Path;

import io.github.camelcec.component.state.PendingMessageStore;
import io.github.camelcec.component.state.PendingMessageStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2JdbcPendingMessageStoreTest extends PendingMessageStoreContract {

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
    protected PendingMessageStore newStore() {
        return new JdbcPendingMessageStore(database.install());
    }

    @Override
    protected boolean instancesShareState() {
        return true;
    }
}
