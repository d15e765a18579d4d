package io.github.camelcec.benchmarks;

/** How long each harness runs: {@code quick} (about two minutes in all) or {@code full} (about ten). */
public record Mode(String name, int sendRounds, int warmupSeconds, int measureSeconds, int pollMeasureSeconds,
                   int tokenSeconds, int tokenTtlSeconds, int soakSeconds) {

    public static Mode of(String name) {
        return switch (name) {
            case "quick" -> new Mode("quick", 1, 3, 5, 5, 12, 4, 15);
            case "full" -> new Mode("full", 3, 5, 15, 20, 40, 8, 90);
            case "smoke" -> new Mode("smoke", 1, 1, 1, 2, 3, 2, 3);
            default -> throw new IllegalArgumentException("mode must be quick, full or smoke, not " + name);
        };
    }
}
