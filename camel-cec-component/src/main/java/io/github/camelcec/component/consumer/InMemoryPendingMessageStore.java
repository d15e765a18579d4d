package io.github.camelcec.component.consumer;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelcec.component.model.DownlinkMessage;

/** The default store: a queue per customer, present only while the customer has undelivered messages. */
public final class InMemoryPendingMessageStore implements PendingMessageStore {

    private final ConcurrentMap<String, ArrayDeque<DownlinkMessage>> queues = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    @Override
    public void append(String userId, List<DownlinkMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        queues.compute(userId, (id, queue) -> {
            ArrayDeque<DownlinkMessage> q = queue == null ? new ArrayDeque<>(messages.size()) : queue;
            q.addAll(messages);
            return q;
        });
        size.addAndGet(messages.size());
    }

    @Override
    public DownlinkMessage peek(String userId) {
        DownlinkMessage[] head = new DownlinkMessage[1];
        queues.computeIfPresent(userId, (id, q) -> {
            head[0] = q.peekFirst();
            return q;
        });
        return head[0];
    }

    @Override
    public void removeHead(String userId, DownlinkMessage delivered) {
        queues.computeIfPresent(userId, (id, q) -> {
            if (q.peekFirst() == delivered) {
                q.pollFirst();
                size.decrementAndGet();
            }
            return q.isEmpty() ? null : q;
        });
    }

    @Override
    public boolean hasPending(String userId) {
        return queues.containsKey(userId);
    }

    @Override
    public int size() {
        return size.get();
    }
}
