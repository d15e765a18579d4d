package io.github.camelcec.component.state.jdbc;

import io.github.camelcec.component.state.PendingMessageStore;
import io.github.camelcec.component.state.PendingMessageStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresJdbcPendingMessageStoreTest extends PendingMessageStoreContract {

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
    protected PendingMessageStore newStore() {
        return new JdbcPendingMessageStore(database.install());
    }

    @Override
    protected boolean instancesShareState() {
        return true;
    }
}
