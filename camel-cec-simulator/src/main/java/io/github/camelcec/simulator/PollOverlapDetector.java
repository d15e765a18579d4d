package io.github.camelcec.simulator;

import io.github.camelcec.simulator.http.HttpExchange;

import java.time.Clock;
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
 * still being answered. The hot path is one concurrent-map insert on arrival and one removal on answer; the rare
 * overlap takes a merge.
 */
final class PollOverlapDetector {

    /** How many overlaps are kept for {@link #overlaps()}; the count is never capped. */
    static final int RETAINED = 10_000;

    private final Map<String, List<InFlight>> inFlight = new ConcurrentHashMap<>();
    private final Queue<PollOverlap> overlaps = new ConcurrentLinkedQueue<>();
    private final AtomicInteger retained = new AtomicInteger();
    private final LongAdder count = new LongAdder();

    /** A poll arrived; polls without a receiverId are not tracked. */
    void arrived(HttpExchange ex, String receiverId, String clientId, Clock clock) {
        if (receiverId == null) {
            return;
        }
        InFlight poll = new InFlight(ex, clientId);
        List<InFlight> alone = List.of(poll);
        if (inFlight.putIfAbsent(receiverId, alone) == null) {
            return;
        }
        InFlight[] earlier = new InFlight[1];
        inFlight.merge(receiverId, alone, (polls, mine) -> {
            earlier[0] = polls.get(0);
            List<InFlight> more = new ArrayList<>(polls);
            more.add(poll);
            return more;
        });
        if (earlier[0] != null) {
            count.increment();
            if (retained.incrementAndGet() <= RETAINED) {
                overlaps.add(new PollOverlap(receiverId, earlier[0].clientId(), clientId, clock.instant()));
            }
        }
    }

    /** The poll was answered (or reset); a no-op for polls that were not tracked. */
    void answered(HttpExchange ex, String receiverId, String clientId) {
        if (receiverId == null || inFlight.remove(receiverId, List.of(new InFlight(ex, clientId)))) {
            return;
        }
        inFlight.computeIfPresent(receiverId, (id, polls) -> {
            List<InFlight> rest = new ArrayList<>(polls);
            rest.removeIf(p -> p.exchange() == ex);
            return rest.isEmpty() ? null : rest;
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
