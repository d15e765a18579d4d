package io.github.camelcec.benchmarks;

/**
 * How long each harness runs: {@code quick} (about a minute with the default harnesses: 3 rounds, the send harness's
 * 20 ms phase only, poll at 1,000 sessions; figures too short to quote), {@code full} (about ten) or {@code smoke}
 * (seconds, figures meaningless). {@code pacedRounds} alternating windows of {@code pacedWindowMillis}
 * (after {@code pacedWarmupMillis} each) per contender in the paced send and poll harnesses; {@code pollSessions} the
 * session counts of the paced poll harness unless {@code -Dcec.bench.sessions=10000,25000} says otherwise.
 */
public record Mode(String name, int warmupSeconds, int measureSeconds, int pollMeasureSeconds, int tokenSeconds,
                   int tokenTtlSeconds, int soakSeconds, int pacedRounds, int pacedWarmupMillis,
                   int pacedWindowMillis, int[] pollSessions) {

    /** The named mode; {@code -Dcec.bench.window=ms} and {@code -Dcec.bench.rounds=n} change its paced windows. */
    public static Mode of(String name) {
        Mode m = named(name);
        return new Mode(m.name, m.warmupSeconds, m.measureSeconds, m.pollMeasureSeconds, m.tokenSeconds,
                m.tokenTtlSeconds, m.soakSeconds, Integer.getInteger("cec.bench.rounds", m.pacedRounds),
                m.pacedWarmupMillis, Integer.getInteger("cec.bench.window", m.pacedWindowMillis), m.pollSessions);
    }

    private static Mode named(String name) {
        return switch (name) {
            case "quick" -> new Mode("quick", 1, 2, 3, 12, 4, 15, 3, 300, 500, new int[] { 1_000 });
            case "full" -> new Mode("full", 5, 10, 20, 40, 8, 90, 6, 2000, 4000, new int[] { 10_000, 25_000 });
            case "smoke" -> new Mode("smoke", 1, 1, 2, 3, 2, 3, 1, 200, 500, new int[] { 200 });
            default -> throw new IllegalArgumentException("mode must be quick, full or smoke, not " + name);
        };
    }

    /** The session counts of the paced poll harness: {@code -Dcec.bench.sessions} (comma-separated) or the mode's. */
    public int[] sessions() {
        String given = System.getProperty("cec.bench.sessions");
        if (given == null || given.isBlank()) {
            return pollSessions;
        }
        return java.util.Arrays.stream(given.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }
}
