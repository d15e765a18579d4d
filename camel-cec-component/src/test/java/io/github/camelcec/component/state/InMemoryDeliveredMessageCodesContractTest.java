package io.github.camelcec.component.state;

import java.time.Clock;
import java.time.Duration;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/** Camel's own in-memory repository, the default when no DataSource is configured. */
class InMemoryDeliveredMessageCodesContractTest extends DeliveredMessageCodesContract {

    @Override
    protected IdempotentRepository newRepository() {
        IdempotentRepository repository = MemoryIdempotentRepository.memoryIdempotentRepository(1_000);
        repository.start();
        return repository;
    }

    @Override
    protected IdempotentRepository newRepository(Duration retention, int purgeEvery, Clock clock) {
        throw new UnsupportedOperationException("MemoryIdempotentRepository keeps the last codes by count");
    }

    @Override
    protected boolean keepCodesForARetention() {
        return false;
    }

    @Override
    protected boolean instancesShareState() {
        return false;
    }
}
