package io.github.camelcec.component.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.github.camelcec.simulator.CecOperation;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * product.md §4 "faults": injected 5xx, resets, token expiry and a route that fails at random; every message is still
 * delivered exactly once and in order per customer. Bounded: a few hundred messages, seeded faults.
 */
class PollSoakTest extends ConsumerTestSupport {

    @Test
    void everyMessageOnceAndInOrderThroughFaults() throws Exception {
        Random routeFailures = new Random(7);
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=20&maxIdleDelay=100").process(e -> {
                    if (routeFailures.nextInt(5) == 0) {
                        throw new IllegalStateException("random route failure");
                    }
                    record(e);
                });
            }
        });
        List<String> customers = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            customers.add("soak-" + c);
            connect("soak-" + c);
        }
        sim().faults().seed(42);
        sim().faults().on(CecOperation.POLL).errorRate(0.1, 503).resetRate(0.05);
        sim().faults().on(CecOperation.DOWNLOAD_FILE).errorRate(0.2, 500);
        int perCustomer = 30;
        for (int i = 0; i < perCustomer; i++) {
            for (String c : customers) {
                sim().sendAgentMessage(c, c + "#" + i);
            }
            if (i % 10 == 5) {
                // besides the random ones, a few certain faults while messages flow
                sim().faults().on(CecOperation.POLL).failNext(2, 503).resetNext(1);
                sim().faults().on(CecOperation.POLL).expireCustomerTokenNext(3);
                sim().revokeCustomerToken(customers.get(i % customers.size()));
            }
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> customers.stream().allMatch(c -> contents(c, "AGENT").size() >= perCustomer));

        Set<String> codes = new HashSet<>();
        for (String c : customers) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perCustomer; i++) {
                expected.add(c + "#" + i);
            }
            assertThat(contents(c, "AGENT")).as(c).containsExactlyElementsOf(expected);
            received.get(c).forEach(m -> assertThat(codes.add(m.getMessageCode())).as("once: " + m).isTrue());
        }
        assertThat(sim().journal().entries(CecOperation.POLL)).extracting(e -> e.httpStatus())
                .as("faults were injected").contains(503, 0);
    }
}
