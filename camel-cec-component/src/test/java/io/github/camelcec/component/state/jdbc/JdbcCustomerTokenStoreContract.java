package io.github.camelcec.component.state.jdbc;

import java.time.Clock;

import io.github.camelcec.component.state.CustomerTokenStore;
import io.github.camelcec.component.state.CustomerTokenStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The customer token store contract on a database of the subclass's kind. */
abstract class JdbcCustomerTokenStoreContract extends CustomerTokenStoreContract {

    @RegisterExtension
    final StateDatabaseExtension database = new StateDatabaseExtension(this::openDatabase);

    protected abstract StateTestDatabase openDatabase();

    @Override
    protected CustomerTokenStore newStore(Clock clock) {
        return new JdbcCustomerTokenStore(database.install(), clock);
    }

    @Override
    protected boolean instancesShareState() {
        return true;
    }
}
