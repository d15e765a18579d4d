package io.github.camelcec.component.state.jdbc;

import java.time.Clock;
import java.time.Duration;

import io.github.camelcec.component.state.SessionStore;
import io.github.camelcec.component.state.SessionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session store contract on a database of the subclass's kind. */
abstract class JdbcSessionStoreContract extends SessionStoreContract {

    @RegisterExtension
    final StateDatabaseExtension database = new StateDatabaseExtension(this::openDatabase);

    protected abstract StateTestDatabase openDatabase();

    @Override
    protected SessionStore newStore(Duration idleTimeout, Clock clock) {
        return new JdbcSessionStore(database.install(), idleTimeout, clock);
    }

    @Override
    protected boolean instancesShareState() {
        return true;
    }
}
