package io.github.camelcec.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One request the simulator answered (or reset). {@code operation} is null for paths that match no operation
 * (answered 404); {@code headers} has lower-case names; {@code resultCode} is the business code of the answer
 * ({@code resultCode} or the {@code returnCode} quirk), null when the answer has none. {@code clientId} is the request's
 * {@value #CLIENT_ID_HEADER} header (null when absent), telling replicas that share one simulator apart;
 * {@code startNanos} and {@code endNanos} are {@link System#nanoTime()} when the request arrived and when it was
 * answered (after any latency fault).
 */
public record JournalEntry(CecOperation operation, String method, String uri, Map<String, String> headers, String body,
                           int httpStatus, String resultCode, Instant at, String clientId, long startNanos,
                           long endNanos) {

    /** The request header a client may send to name itself (e.g. a component replica's id). */
    public static final String CLIENT_ID_HEADER = "X-Cec-Client-Id";

    /** The request header's value, name matched case-insensitively; null if absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** From arrival to answer. */
    public Duration duration() {
        return Duration.ofNanos(endNanos - startNanos);
    }
}
