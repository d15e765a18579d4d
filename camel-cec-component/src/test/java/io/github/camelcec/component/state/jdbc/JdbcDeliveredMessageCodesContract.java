package io.github.camelcec.component.state.jdbc;

import java.time.Clock;
import java.time.Duration;

import io.github.camelcec.component.state.DeliveredMessageCodesContract;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The delivered message codes contract on a database of the subclass's kind. */
abstract class JdbcDeliveredMessageCodesContract extends DeliveredMessageCodesContract {

    @RegisterExtension
    final StateDatabaseExtension database = new StateDatabaseExtension(this::openDatabase);

    protected abstract StateTestDatabase openDatabase();

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
