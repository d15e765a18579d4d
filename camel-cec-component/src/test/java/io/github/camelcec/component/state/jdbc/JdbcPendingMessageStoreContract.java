package io.github.camelcec.component.state.jdbc;

import io.github.camelcec.component.state.DeliveredCodes;
import io.github.camelcec.component.state.PendingMessageStore;
import io.github.camelcec.component.state.PendingMessageStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pending message store contract on a database of the subclass's kind. */
abstract class JdbcPendingMessageStoreContract extends PendingMessageStoreContract {

    @RegisterExtension
    final StateDatabaseExtension database = new StateDatabaseExtension(this::openDatabase);

    protected abstract StateTestDatabase openDatabase();

    @Override
    protected PendingMessageStore newStore() {
        return new JdbcPendingMessageStore(database.install());
    }

    /** The codes' table in the same database: the store writes a batch's codes and removals in one transaction. */
    @Override
    protected DeliveredCodes newDeliveredCodes() {
        JdbcDeliveredMessageCodes codes = new JdbcDeliveredMessageCodes(database.install());
        codes.start();
        return codes;
    }

    @Override
    protected boolean instancesShareState() {
        return true;
    }
}
