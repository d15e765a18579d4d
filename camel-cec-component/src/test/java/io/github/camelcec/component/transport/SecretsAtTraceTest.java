package io.github.camelcec.component.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelcec.component.CecConstants;
import io.github.camelcec.component.support.CapturedLogs;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.JournalEntry;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 6: every producer operation, through an authenticating proxy, with every logger at TRACE: no gateway
 * token, customer token, app secret or proxy password (plain or as Basic credentials) in any line the client side
 * logged, HttpClient's own header and wire loggers included. Only the two in-process servers' loggers (the simulator
 * and the test proxy) are not ours, and HttpClient's header log of a rotated token's response header cannot be masked.
 */
class SecretsAtTraceTest {

    private static final String PROXY_PASSWORD = "proxy-secret-3f9a61";

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    @Test
    void everyProducerOperationAtTraceLogsNoSecret() throws Exception {
        CecSimulator sim = SIM.simulator();
        List<Exchange> exchanges = new ArrayList<>();
        List<CapturedLogs.Line> lines;
        List<String> rotatedToken = new ArrayList<>();
        try (ForwardProxy proxy = ForwardProxy.requiring("cec-user", PROXY_PASSWORD);
             CapturedLogs logs = CapturedLogs.atTrace();
             TransportRoutes routes = new TransportRoutes(sim, "cec:send", c -> {
                 c.getConfiguration().setProxyHost("127.0.0.1");
                 c.getConfiguration().setProxyPort(proxy.port());
                 c.getConfiguration().setProxyAuthUsername("cec-user");
                 c.getConfiguration().setProxyAuthPassword(PROXY_PASSWORD);
                 c.getConfiguration().setThrowExceptionOnFailure(false);
             })) {
            String user = "traced";
            exchanges.add(routes.send("hello", user));
            exchanges.add(operation(routes, "poll", null, user));
            exchanges.add(operation(routes, "upload", new byte[] { 1, 2, 3 }, user, "jpg"));
            String objectKey = exchanges.get(2).getMessage().getHeader(CecConstants.OBJECT_KEY, String.class);
            exchanges.add(operation(routes, "download", objectKey, user, "jpg"));
            exchanges.add(routes.send(new byte[] { 4, 5, 6 }, Map.of(CecConstants.USER_ID, user,
                    CecConstants.FILE_TYPE, "png")));
            exchanges.add(operation(routes, "satisfaction", Map.of("evaluation", "5", "comment", "fine"), user));
            exchanges.add(operation(routes, "robotFeedback", Map.of("feedback", 1, "interIdx", "1"), user));
            exchanges.add(operation(routes, "queueInfo", null, user));
            exchanges.add(operation(routes, "phrases", "price", user));
            exchanges.add(operation(routes, "leaveMessage", Map.of("callId", "web-traced", "caller", "+8613800000000",
                    "leaveMessage", "call me"), user));
            exchanges.add(operation(routes, "createCall", Map.of("called", "13800000000", "callerPresent", "95500"),
                    user));
            exchanges.add(operation(routes, "clickToCall", Map.of("mediaAbility", "1"), user));
            exchanges.add(operation(routes, "clickToCallEvents", null, user));
            exchanges.add(operation(routes, "clickToCallSupport", null, user));
            exchanges.add(operation(routes, "dropClickToCall", null, user));
            exchanges.add(operation(routes, "applyToken", null, user));
            // the token paths: a refused customer token, an expired gateway token, a rotated customer token
            sim.faults().on(CecOperation.SEND).failNext(1, 401);
            exchanges.add(routes.send("after 401", user));
            sim.expireGatewayTokens();
            exchanges.add(routes.send("after expiry", user));
            sim.expireCustomerToken(user);
            exchanges.add(routes.send("rotated", user));
            sim.currentCustomerToken(user).ifPresent(rotatedToken::add);
            lines = logs.lines();
        }

        Set<String> secrets = new HashSet<>();
        secrets.add(sim.appSecret());
        secrets.add(PROXY_PASSWORD);
        secrets.add(Base64.getEncoder().encodeToString(("cec-user:" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        for (JournalEntry e : sim.journal().entries()) {
            addToken(secrets, e.header("ccmessaging-token"));
            String auth = e.header("authorization");
            addToken(secrets, auth == null ? null : auth.replace("Bearer ", ""));
        }
        secrets.addAll(rotatedToken);
        assertThat(secrets).hasSizeGreaterThan(5);
        List<CapturedLogs.Line> clientSide = lines.stream()
                .filter(l -> !l.logger().startsWith("io.github.camelcec.simulator"))
                .filter(l -> !l.logger().startsWith("org.littleshoot"))
                .filter(l -> !l.isRotatedTokenInHttpClientHeaderLog())
                .toList();
        assertThat(clientSide).as("HttpClient logged at DEBUG")
                .anyMatch(l -> l.logger().startsWith("org.apache.hc.client5"));
        assertThat(clientSide).as("HttpClient's header log ran").anyMatch(l -> l.logger().equals(
                "org.apache.hc.client5.http.headers"));
        for (String secret : secrets) {
            assertThat(clientSide).noneMatch(l -> l.text().contains(secret));
            assertThat(exchanges).noneMatch(e -> String.valueOf(e.getException()).contains(secret));
        }
    }

    private static Exchange operation(TransportRoutes routes, String operation, Object body, String user) {
        return routes.send(body, Map.of(CecConstants.USER_ID, user, CecConstants.OPERATION, operation));
    }

    private static Exchange operation(TransportRoutes routes, String operation, Object body, String user,
                                      String fileType) {
        return routes.send(body, Map.of(CecConstants.USER_ID, user, CecConstants.OPERATION, operation,
                CecConstants.FILE_TYPE, fileType));
    }

    private static void addToken(Set<String> secrets, String token) {
        if (token != null && token.length() >= 8) {
            secrets.add(token);
        }
    }
}
