package io.github.camelcec.component.state;

class InMemoryPendingMessageStoreContractTest extends PendingMessageStoreContract {

    @Override
    protected PendingMessageStore newStore() {
        return new InMemoryPendingMessageStore();
    }

    @Override
    protected boolean instancesShareState() {
        return false;
    }
}
