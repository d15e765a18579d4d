package io.github.camelcec.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves the harnesses run: the send harness for about a second per contender and phase, embedded simulator. No figures. */
class BenchmarkSmokeTest {

    @Test
    void sendHarnessRuns() throws Exception {
        System.setProperty("cec.sim", "embedded");
        try {
            Results results = BenchmarkMain.run("smoke", "send");
            assertThat(results.rows()).extracting(Results.Row::what)
                    .anyMatch(w -> w.startsWith("send, client CPU-µs per message") && w.endsWith("cec:send / raw HttpClient"))
                    .anyMatch(w -> w.startsWith("send throughput with CEC 20 ms away, each on its defaults"));
        } finally {
            System.clearProperty("cec.sim");
        }
    }
}
