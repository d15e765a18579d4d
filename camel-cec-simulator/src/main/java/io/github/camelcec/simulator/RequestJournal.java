package io.github.camelcec.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/** Every request the simulator saw: a ring buffer of the latest entries and per-operation counters that are never capped. */
public final class RequestJournal {

    private final AtomicReferenceArray<JournalEntry> ring;
    private final AtomicLong written = new AtomicLong();
    private final Map<CecOperation, LongAdder> counters = new EnumMap<>(CecOperation.class);
    private final LongAdder total = new LongAdder();
    private volatile long clearedAt;

    RequestJournal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journalCapacity must be at least 1, was " + capacity);
        }
        this.ring = new AtomicReferenceArray<>(capacity);
        for (CecOperation op : CecOperation.values()) {
            counters.put(op, new LongAdder());
        }
    }

    void record(JournalEntry entry) {
        long seq = written.getAndIncrement();
        ring.set((int) (seq % ring.length()), entry);
        if (entry.operation() != null) {
            counters.get(entry.operation()).increment();
        }
        total.increment();
    }

    /** A snapshot of the retained entries, oldest first. */
    public List<JournalEntry> entries() {
        long end = written.get();
        long start = Math.max(clearedAt, end - ring.length());
        List<JournalEntry> out = new ArrayList<>((int) (end - start));
        for (long i = start; i < end; i++) {
            JournalEntry e = ring.get((int) (i % ring.length()));
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** The retained entries of one operation, oldest first. */
    public List<JournalEntry> entries(CecOperation op) {
        return entries().stream().filter(e -> e.operation() == op).toList();
    }

    /** How many requests of this operation were answered since the last clear (not capped by the capacity). */
    public long count(CecOperation op) {
        return counters.get(op).sum();
    }

    /** How many requests were answered since the last clear, including those that matched no operation. */
    public long total() {
        return total.sum();
    }

    /** Forgets entries and counters. */
    public void clear() {
        clearedAt = written.get();
        for (int i = 0; i < ring.length(); i++) {
            ring.set(i, null);
        }
        counters.values().forEach(LongAdder::reset);
        total.reset();
    }
}
