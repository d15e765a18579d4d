package io.github.camelcec.simulator;

import io.github.camelcec.simulator.http.HttpExchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts polls of one customer that overlap: a poll arriving while another poll for the same {@code receiverId} is
 * still being answered. The hot path is one concurrent-map update on arrival and one on answer, per receiverId.
 */
final class PollOverlapDetector {

    /** How many overlaps are kept for {@link #overlaps()}; the count is never capped. */
    static final int RETAINED = 10_000;

    private final Map<String, List<InFlight>> inFlight = new ConcurrentHashMap<>();
    private final Queue<PollOverlap> overlaps = new ConcurrentLinkedQueue<>();
    private final AtomicInteger retained = new AtomicInteger();
    private final LongAdder count = new LongAdder();

    /** A poll arrived; polls without a receiverId are not tracked. */
    void arrived(HttpExchange ex, String receiverId, String clientId, Instant now) {
        if (receiverId == null) {
            return;
        }
        InFlight poll = new InFlight(ex, clientId);
        InFlight[] earlier = new InFlight[1];
        inFlight.compute(receiverId, (id, polls) -> {
            if (polls == null) {
                return List.of(poll);
            }
            earlier[0] = polls.get(0);
            List<InFlight> more = new ArrayList<>(polls);
            more.add(poll);
            return more;
        });
        if (earlier[0] != null) {
            count.increment();
            if (retained.incrementAndGet() <= RETAINED) {
                overlaps.add(new PollOverlap(receiverId, earlier[0].clientId(), clientId, now));
            }
        }
    }

    /** The poll was answered (or reset); a no-op for polls that were not tracked. */
    void answered(HttpExchange ex, String receiverId) {
        if (receiverId == null) {
            return;
        }
        inFlight.computeIfPresent(receiverId, (id, polls) -> {
            if (polls.size() == 1) {
                return polls.get(0).exchange() == ex ? null : polls;
            }
            List<InFlight> rest = new ArrayList<>(polls);
            rest.removeIf(p -> p.exchange() == ex);
            return rest;
        });
    }

    /** The overlaps seen since the last clear, oldest first (at most {@link #RETAINED}). */
    List<PollOverlap> overlaps() {
        return List.copyOf(overlaps);
    }

    long count() {
        return count.sum();
    }

    /** Forgets the overlaps seen; polls still in flight stay tracked. */
    void clear() {
        overlaps.clear();
        retained.set(0);
        count.reset();
    }

    private record InFlight(HttpExchange exchange, String clientId) {
    }
}
