package io.github.camelcec.component.state;

import java.time.Clock;

class InMemoryCustomerTokenStoreContractTest extends CustomerTokenStoreContract {

    @Override
    protected CustomerTokenStore newStore(Clock clock) {
        return new InMemoryCustomerTokenStore(clock, 10_000);
    }

    @Override
    protected boolean instancesShareState() {
        return false;
    }
}
