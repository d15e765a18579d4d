package io.github.camelcec.component.consumer;

import java.util.List;
import java.util.Set;

import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.state.InMemoryPendingMessageStore;
import io.github.camelcec.component.state.PendingMessage;
import io.github.camelcec.component.state.PendingMessageStore;

/**
 * The in-memory store, but every failed delivery counts as the twentieth: the next attempt waits the longest delay
 * ({@code maxIdleDelay}), so a test sees whether an operator's retry cuts the wait short.
 */
final class HeldForLongPendingMessageStore implements PendingMessageStore {

    private final PendingMessageStore delegate = new InMemoryPendingMessageStore();

    @Override
    public List<PendingMessage> append(String userId, List<DownlinkMessage> messages) {
        return delegate.append(userId, messages);
    }

    @Override
    public PendingMessage head(String userId) {
        return delegate.head(userId);
    }

    @Override
    public void remove(String userId, String key) {
        delegate.remove(userId, key);
    }

    @Override
    public int recordFailure(String userId, String key) {
        delegate.recordFailure(userId, key);
        return 20;
    }

    @Override
    public boolean hasPending(String userId) {
        return delegate.hasPending(userId);
    }

    @Override
    public Set<String> customers() {
        return delegate.customers();
    }

    @Override
    public int size() {
        return delegate.size();
    }
}
