package io.github.camelcec.simulator;

import java.time.Instant;

/**
 * A poll for {@code receiverId} that arrived while an earlier poll for the same customer was still being answered:
 * two pollers of one customer (e.g. two component replicas), which risks handing messages to the wrong one.
 * {@code earlierClientId} and {@code laterClientId} are their {@value JournalEntry#CLIENT_ID_HEADER} headers (null
 * when absent); {@code at} is the later poll's arrival on the simulator's clock.
 */
public record PollOverlap(String receiverId, String earlierClientId, String laterClientId, Instant at) {
}
