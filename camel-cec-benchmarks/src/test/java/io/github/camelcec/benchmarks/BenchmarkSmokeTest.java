package io.github.camelcec.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves the harnesses run: the send harness for about two seconds per contender, embedded simulator. No figures. */
class BenchmarkSmokeTest {

    @Test
    void sendHarnessRuns() throws Exception {
        System.setProperty("cec.sim", "embedded");
        try {
            Results results = BenchmarkMain.run("smoke", "send");
            assertThat(results.rows()).extracting(Results.Row::what)
                    .anyMatch(w -> w.startsWith("send throughput, cec:send / raw"))
                    .anyMatch(w -> w.startsWith("send throughput, cec:send / hand-written"));
        } finally {
            System.clearProperty("cec.sim");
        }
    }
}
