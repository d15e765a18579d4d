package io.github.camelcec.component.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelcec.component.model.DownlinkMessage;

/** The default store: a queue per customer, present only while the customer has undelivered messages. */
public final class InMemoryPendingMessageStore implements PendingMessageStore {

    private final ConcurrentMap<String, ArrayDeque<PendingMessage>> queues = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger size = new AtomicInteger();

    @Override
    public List<PendingMessage> append(String userId, List<DownlinkMessage> messages) {
        List<PendingMessage> added = new ArrayList<>(messages.size());
        if (messages.isEmpty()) {
            return added;
        }
        queues.compute(userId, (id, queue) -> {
            ArrayDeque<PendingMessage> q = queue == null ? new ArrayDeque<>(messages.size()) : queue;
            for (DownlinkMessage m : messages) {
                String key = PendingMessage.keyOf(m);
                if (q.stream().noneMatch(p -> p.key().equals(key))) {
                    PendingMessage p = new PendingMessage(userId, sequence.incrementAndGet(), key, m, 0);
                    q.addLast(p);
                    added.add(p);
                }
            }
            return q.isEmpty() ? null : q;
        });
        size.addAndGet(added.size());
        return added;
    }

    @Override
    public PendingMessage head(String userId) {
        PendingMessage[] head = new PendingMessage[1];
        queues.computeIfPresent(userId, (id, q) -> {
            head[0] = q.peekFirst();
            return q;
        });
        return head[0];
    }

    @Override
    public void remove(String userId, String key) {
        queues.computeIfPresent(userId, (id, q) -> {
            if (q.removeIf(p -> p.key().equals(key))) {
                size.decrementAndGet();
            }
            return q.isEmpty() ? null : q;
        });
    }

    @Override
    public int recordFailure(String userId, String key) {
        int[] attempts = new int[1];
        queues.computeIfPresent(userId, (id, q) -> {
            ArrayDeque<PendingMessage> updated = new ArrayDeque<>(q.size());
            for (PendingMessage p : q) {
                if (p.key().equals(key)) {
                    p = new PendingMessage(p.userId(), p.sequence(), p.key(), p.message(), p.attempts() + 1);
                    attempts[0] = p.attempts();
                }
                updated.addLast(p);
            }
            return updated;
        });
        return attempts[0];
    }

    @Override
    public boolean hasPending(String userId) {
        return queues.containsKey(userId);
    }

    @Override
    public Set<String> customers() {
        return Set.copyOf(queues.keySet());
    }

    @Override
    public int size() {
        return size.get();
    }
}
