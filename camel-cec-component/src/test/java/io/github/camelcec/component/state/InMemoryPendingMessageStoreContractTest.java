package io.github.camelcec.component.state;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

class InMemoryPendingMessageStoreContractTest extends PendingMessageStoreContract {

    @Override
    protected PendingMessageStore newStore() {
        return new InMemoryPendingMessageStore();
    }

    @Override
    protected DeliveredCodes newDeliveredCodes() {
        IdempotentRepository repository = MemoryIdempotentRepository.memoryIdempotentRepository(1_000);
        repository.start();
        return DeliveredCodes.of(repository);
    }

    @Override
    protected boolean instancesShareState() {
        return false;
    }
}
