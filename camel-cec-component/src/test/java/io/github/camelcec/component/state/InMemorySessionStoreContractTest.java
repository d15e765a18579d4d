package io.github.camelcec.component.state;

import java.time.Clock;
import java.time.Duration;

class InMemorySessionStoreContractTest extends SessionStoreContract {

    @Override
    protected SessionStore newStore(Duration idleTimeout, Clock clock) {
        return new InMemorySessionStore(idleTimeout, clock);
    }

    @Override
    protected boolean instancesShareState() {
        return false;
    }
}
