package io.github.camelcec.component.consumer;

/**
 * When a held message whose exchange failed is delivered again: after 1, 2, 4 ... base delays, at most the longest
 * delay, so a route that fails for a while is not hammered and one that recovers is served again soon.
 */
public record RedeliveryBackoff(long baseDelayMillis, long maxDelayMillis) {

    /** The delay before the next attempt, after {@code failedAttempts} failures (1 or more). */
    public long delayMillis(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts, 1) - 1, 20);
        long delay = Math.max(1, baseDelayMillis) << doublings;
        return Math.min(Math.max(baseDelayMillis, maxDelayMillis), delay);
    }
}
