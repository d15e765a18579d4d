package io.github.camelcec.simulator;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One request the simulator answered (or reset). {@code operation} is null for paths that match no operation
 * (answered 404); {@code headers} has lower-case names; {@code resultCode} is the business code of the answer
 * ({@code resultCode} or the {@code returnCode} quirk), null when the answer has none.
 */
public record JournalEntry(CecOperation operation, String method, String uri, Map<String, String> headers, String body,
                           int httpStatus, String resultCode, Instant at) {

    /** The request header's value, name matched case-insensitively; null if absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
