package io.github.camelcec.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.support.SimulatorComponents;
import io.github.camelcec.simulator.CecOperation;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelcec.component.CecConstants.CONTROL_TYPE;
import static io.github.camelcec.component.CecConstants.RESULT_CODE;
import static io.github.camelcec.component.CecConstants.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ref §7.2: a message CEC refuses because the customer's session is gone server-side (13 "sendUserMessage failed",
 * or TRANS2AGENT's "session keep touch failed.") CONNECTs once and is resent once; other 13s are outcomes as before.
 */
class SessionGoneReconnectTest extends CecRouteTestSupport {

    @Test
    void aChatAfterCecReleasedTheSessionConnectsAgainAndIsResent() {
        connect("gone");
        sim().endSession("gone");

        Exchange exchange = ok(call("cec:send", "still there?", "gone"));

        assertThat(sends()).containsExactly("CHAT 13", "CONNECT 0", "CHAT 0");
        assertThat(header(exchange, RESULT_CODE)).isEqualTo("0");
        assertThat(SimulatorComponents.sessionsOf(component).isConnected("gone")).isTrue();
        assertThat(sim().session("gone")).isNotNull();
    }

    @Test
    void aTransferAfterCecReleasedTheSessionConnectsAgainAndIsResent() {
        connect("transfer");
        sim().endSession("transfer");

        ok(call("cec:send", null, Map.of(USER_ID, "transfer", CONTROL_TYPE, "TRANS2AGENT")));

        assertThat(sends()).containsExactly("TRANS2AGENT 13", "CONNECT 0", "TRANS2AGENT 0");
    }

    @Test
    void concurrentSendsOfOneCustomerShareOneReconnect() {
        connect("crowd");
        sim().endSession("crowd");
        int n = 12;

        List<CompletableFuture<Exchange>> calls = IntStream.range(0, n)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> call("cec:send", "message " + i, "crowd")))
                .toList();

        calls.forEach(c -> ok(c.join()));
        List<String> sends = sends();
        assertThat(sends).filteredOn(s -> s.startsWith("CONNECT")).containsExactly("CONNECT 0");
        assertThat(sends).filteredOn(s -> s.equals("CHAT 0")).hasSize(n);
        assertThat(sends).filteredOn(s -> s.equals("CHAT 13")).hasSizeBetween(1, n);
    }

    @Test
    void aSecondSessionGoneAnswerAfterTheResendFailsTheExchange() {
        connect("twice");
        sim().endSession("twice");
        // every send answers late, so the session can be released again between the re-CONNECT and the resend
        sim().faults().on(CecOperation.SEND).latency(Duration.ofMillis(400));

        CompletableFuture<Exchange> sending = CompletableFuture.supplyAsync(() -> call("cec:send", "hello", "twice"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> sends().contains("CONNECT 0"));
        sim().endSession("twice");
        Exchange exchange = sending.join();

        assertThat(sends()).containsExactly("CHAT 13", "CONNECT 0", "CHAT 13");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class, e -> {
            assertThat(e.getResultCode()).isEqualTo("13");
            assertThat(e.getResultDesc()).isEqualTo("sendUserMessage failed");
        });
    }

    @Test
    void aRefusedReconnectIsTheOutcome() {
        connect("late");
        sim().endSession("late");
        sim().setWorkingHours(false);

        Exchange exchange = call("cec:send", "anyone?", "late");

        assertThat(sends()).containsExactly("CHAT 13", "CONNECT 12");
        assertThat(header(exchange, CONTROL_TYPE)).isEqualTo("CONNECT");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class,
                e -> assertThat(e.getResultCode()).isEqualTo("12"));
    }

    @Test
    void inputWhileTheRobotServesIsRefusedWithoutAReconnect() {
        connect("typing");

        Exchange exchange = call("cec:send", null, Map.of(USER_ID, "typing", CONTROL_TYPE, "INPUT"));

        assertThat(sends()).containsExactly("INPUT 13");
        assertThat(exchange.getException()).isInstanceOfSatisfying(CecBusinessException.class,
                e -> assertThat(e.getResultDesc()).isEqualTo("This is robot service,this message is prevented!"));
        assertThat(SimulatorComponents.sessionsOf(component).isConnected("typing")).isTrue();
    }

    @Test
    void withoutAutoConnectTheSessionGoneAnswerIsTheOutcome() {
        connect("manual");
        sim().endSession("manual");

        Exchange exchange = call("cec:send?autoConnect=false", "hello", "manual");

        assertThat(sends()).containsExactly("CHAT 13");
        assertThat(exchange.getException()).isInstanceOf(CecBusinessException.class);
    }

    /** Every send the simulator answered, as "controlType resultCode", in order. */
    private static List<String> sends() {
        return sim().journal().entries(CecOperation.SEND).stream()
                .map(e -> json(e).path("controlType").asText() + " " + e.resultCode()).toList();
    }
}
