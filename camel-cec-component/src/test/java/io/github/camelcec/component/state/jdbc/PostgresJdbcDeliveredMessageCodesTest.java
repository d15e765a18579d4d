package io.github.camelcec.component.state.jdbc;

import java.time.Clock;
import java.time.Duration;

import io.github.camelcec.component.state.DeliveredMessageCodesContract;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresJdbcDeliveredMessageCodesTest extends DeliveredMessageCodesContract {

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
    protected IdempotentRepository newRepository() {
        return newRepository(JdbcDeliveredMessageCodes.DEFAULT_RETENTION, JdbcDeliveredMessageCodes.DEFAULT_PURGE_EVERY,
                clock);
    }

    @Override
    protected IdempotentRepository newRepository(Duration retention, int purgeEvery, Clock clock) {
        JdbcDeliveredMessageCodes codes = new JdbcDeliveredMessageCodes(database.install(), retention, purgeEvery, clock);
        codes.start();
        return codes;
    }

    @Override
    protected boolean keepCodesForARetention() {
        return true;
    }

    @Override
    protected boolean instancesShareState() {
        return true;
    }
}
