package io.github.camelcec.component.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelcec.component.CecConstants;
import io.github.camelcec.component.client.CecApi;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.support.SimulatorComponents;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.JournalEntry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** issue: cec:poll loses nothing, doubles nothing, keeps order per customer, ends sessions. */
class PollConsumerTest extends ConsumerTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void routeFailingEveryFirstAttemptStillGetsEveryMessageOnceAndInOrder() throws Exception {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").routeId("poll")
                        .process(e -> {
                            String code = e.getMessage().getHeader(CecConstants.MESSAGE_CODE, String.class);
                            if (failedOnce.add(code)) {
                                throw new IllegalStateException("first attempt of " + code + " fails");
                            }
                        })
                        .process(this::recordIt);
            }

            private void recordIt(org.apache.camel.Exchange e) {
                record(e);
            }
        });
        List<String> customers = List.of("alice", "bob", "carol", "dave", "erin");
        customers.forEach(this::connect);
        for (int i = 0; i < 10; i++) {
            for (String c : customers) {
                sim().sendAgentMessage(c, c + "-" + i);
            }
        }
        // the robot greeting of each CONNECT plus ten agent messages
        await().atMost(WAIT).until(() -> receivedCount() == customers.size() * 11);

        for (String c : customers) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                expected.add(c + "-" + i);
            }
            assertThat(contents(c, "AGENT")).as("agent messages of " + c).containsExactlyElementsOf(expected);
        }
        Set<String> codes = new HashSet<>();
        received.values().forEach(list -> list.forEach(m -> assertThat(codes.add(m.getMessageCode()))
                .as("delivered once: " + m.getMessageCode()).isTrue()));
        assertThat(failedOnce).hasSize(customers.size() * 11);
    }

    @Test
    void twoThousandConnectedCustomersAreAllServed() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=200&maxConcurrentPolls=100").process(e -> record(e));
            }
        });
        int customers = 2000;
        List<java.util.concurrent.CompletableFuture<Object>> connects = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            connects.add(template.asyncRequestBodyAndHeaders("cec:send", "",
                    Map.of(CecConstants.USER_ID, "c" + i, CecConstants.CONTROL_TYPE, "CONNECT")));
        }
        connects.forEach(java.util.concurrent.CompletableFuture::join);
        assertThat(SimulatorComponents.sessionsOf(component).size()).isEqualTo(customers);
        for (int i = 0; i < customers; i++) {
            sim().sendAgentMessage("c" + i, "for c" + i);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> receivedCount() == customers * 2);
        for (int i = 0; i < customers; i++) {
            assertThat(contents("c" + i, "AGENT")).containsExactly("for c" + i);
        }
    }

    @Test
    void disconnectDownlinkEndsPollingOfThatCustomer() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").process(e -> record(e));
            }
        });
        connect("leaving");
        connect("staying");
        sim().agentDisconnect("leaving");
        await().atMost(WAIT).until(() -> contents("leaving", "SYSTEM").size() >= 1
                                         && !SimulatorComponents.sessionsOf(component).isConnected("leaving"));
        assertThat(received.get("leaving")).extracting(DownlinkMessage::getControlType).contains("DISCONNECT");
        long pollsOfLeaver = pollsOf("leaving");
        long pollsOfStayer = pollsOf("staying");
        await().atMost(WAIT).until(() -> pollsOf("staying") >= pollsOfStayer + 5);
        assertThat(pollsOf("leaving")).as("no more polls once the session ended").isEqualTo(pollsOfLeaver);
    }

    @Test
    void customerDisconnectThroughTheProducerIsDeliveredBeforeTheSessionEnds() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").process(e -> record(e));
            }
        });
        connect("bye");
        template.sendBodyAndHeaders("cec:send", "", Map.of(CecConstants.USER_ID, "bye",
                CecConstants.CONTROL_TYPE, "DISCONNECT"));
        // the DISCONNECT sent closes the session for sending at once; it ends once CEC's DISCONNECT was delivered
        assertThat(SimulatorComponents.sessionsOf(component).isConnected("bye")).isFalse();
        await().atMost(WAIT).until(() -> SimulatorComponents.sessionsOf(component).get("bye") == null);
        assertThat(received.get("bye")).extracting(DownlinkMessage::getControlType).contains("DISCONNECT");
    }

    @Test
    void receiverIdPollsOnlyThatCustomer() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50&receiverId=bob").process(e -> record(e));
            }
        });
        connect("alice");
        connect("bob");
        sim().sendAgentMessage("bob", "for bob");
        sim().sendAgentMessage("alice", "for alice");
        await().atMost(WAIT).until(() -> contents("bob", "AGENT").contains("for bob"));
        assertThat(received).doesNotContainKey("alice");
        assertThat(sim().journal().entries(CecOperation.POLL))
                .allSatisfy(e -> assertThat(e.uri()).contains("receiverId=bob"));
    }

    @Test
    void duplicatesAreDroppedByMessageCode() throws Exception {
        // counts how often each messageCode arrived in a poll answer, so the test proves the duplicate was served
        Map<String, Integer> served = new ConcurrentHashMap<>();
        MemoryIdempotentRepository delivered = new MemoryIdempotentRepository() {
            @Override
            public boolean contains(String key) {
                served.merge(key, 1, Integer::sum);
                return super.contains(key);
            }
        };
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("delivered", delivered);
                from("cec:poll?delay=50&idempotentRepository=#delivered").process(e -> record(e));
            }
        });
        connect("dup");
        await().atMost(WAIT).until(() -> receivedCount() == 1); // the greeting
        // every answer with messages is handed out again on the next poll, as a CEC that lost its acknowledgement would
        sim().faults().on(CecOperation.POLL).redeliverNext(1000);
        sim().sendAgentMessage("dup", "only once");
        await().atMost(WAIT).until(() -> contents("dup", "AGENT").contains("only once"));
        String code = received.get("dup").stream().filter(m -> "only once".equals(m.getContent())).findFirst()
                .orElseThrow().getMessageCode();
        await().atMost(WAIT).until(() -> served.getOrDefault(code, 0) >= 3);
        sim().faults().clear();
        assertThat(contents("dup", "AGENT")).containsExactly("only once");
    }

    @Test
    void tokenExpiryAndRotationDuringPollingLoseNothing() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=30").process(e -> record(e));
            }
        });
        connect("rotating");
        for (int i = 0; i < 30; i++) {
            sim().sendAgentMessage("rotating", "m" + i);
            if (i % 10 == 3) {
                sim().expireCustomerToken("rotating");   // served and rotated in the session
            }
            if (i % 10 == 7) {
                sim().revokeCustomerToken("rotating");   // 401: apply again and replay
            }
            Thread.onSpinWait();
        }
        await().atMost(WAIT).until(() -> contents("rotating", "AGENT").size() == 30);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            expected.add("m" + i);
        }
        assertThat(contents("rotating", "AGENT")).containsExactlyElementsOf(expected);
        assertThat(sim().journal().count(CecOperation.APPLY_TOKEN)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void mediaIsDownloadedOntoTheExchangeWhenAsked() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50&downloadMedia=true").process(e -> record(e));
            }
        });
        connect("viewer");
        byte[] picture = { 1, 2, 3, 4, 5 };
        String fileId = sim().sendAgentMedia("viewer", "IMAGE", picture, "jpg");
        await().atMost(WAIT).until(() -> exchanges.stream().anyMatch(e -> fileId.equals(
                e.getMessage().getBody(DownlinkMessage.class).getContent())));
        var exchange = exchanges.stream().filter(e -> "IMAGE".equals(
                e.getMessage().getHeader(CecConstants.MEDIA_TYPE))).findFirst().orElseThrow();
        assertThat(exchange.getMessage().getHeader(CecConstants.MEDIA_CONTENT, byte[].class)).isEqualTo(picture);
        assertThat(exchange.getMessage().getHeader(CecConstants.FILE_TYPE)).isEqualTo("jpg");
    }

    @Test
    void consumerExchangesCarryTheHeadersAndAJsonBody() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").process(e -> record(e));
            }
        });
        connect("headers");
        sim().sendAgentMessage("headers", "hi there");
        await().atMost(WAIT).until(() -> contents("headers", "AGENT").size() == 1);
        var exchange = exchanges.stream().filter(e -> "AGENT".equals(
                e.getMessage().getHeader(CecConstants.SOURCE_TYPE))).findFirst().orElseThrow();
        var in = exchange.getMessage();
        assertThat(in.getHeader(CecConstants.USER_ID)).isEqualTo("headers");
        assertThat(in.getHeader(CecConstants.MEDIA_TYPE)).isEqualTo("TEXT");
        assertThat(in.getHeader(CecConstants.MESSAGE_CODE, String.class)).isNotBlank();
        assertThat(in.getHeader(CecConstants.TIMESTAMP, String.class)).matches("\\d{13}");
        assertThat(in.getHeader(CecConstants.CALL_ID, String.class)).isNotBlank();
        String json = exchange.getContext().getTypeConverter().convertTo(String.class, in.getBody());
        assertThat(json).contains("\"content\":\"hi there\"").contains("\"sourceType\":\"AGENT\"");
    }

    @Test
    void idleSessionsAreRemovedAfterTheTimeout() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50&sessionIdleTimeout=500").process(e -> record(e));
            }
        });
        connect("quiet");
        await().atMost(WAIT).until(() -> !SimulatorComponents.sessionsOf(component).isConnected("quiet"));
        long polls = pollsOf("quiet");
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> pollsOf("quiet") == polls);
    }

    @Test
    void aCustomerWhosePollsFailDoesNotStopTheOthers() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").process(e -> record(e));
            }
        });
        connect("fine");
        // a session registered from elsewhere whose polls cannot succeed (the id breaks the 32-character rule)
        SimulatorComponents.sessionsOf(component).register(io.github.camelcec.component.state.Session.opened(
                "x".repeat(40), null, "en", System.currentTimeMillis(), "test"));
        sim().sendAgentMessage("fine", "still flowing");
        await().atMost(WAIT).until(() -> contents("fine", "AGENT").contains("still flowing"));
    }

    @Test
    void sessionStartedElsewhereIsPolledOnceRegisteredByHeader() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").process(e -> record(e));
            }
        });
        // a web widget connected this customer without the component
        try (var widget = io.github.camelcec.component.connection.CecConnection.open(
                io.github.camelcec.component.client.CecSettings.builder().baseUrl(sim().baseUrl())
                        .appKey(sim().appKey()).appSecret(sim().appSecret())
                        .channelConfigId(sim().channelConfigId()).build())) {
            widget.call(CecApi.SEND, io.github.camelcec.component.model.Customer.of("widget"),
                    io.github.camelcec.component.model.SendMessageRequest.control(
                            io.github.camelcec.component.model.ControlType.CONNECT));
        }
        sim().sendAgentMessage("widget", "seen by the bridge");
        assertThat(SimulatorComponents.sessionsOf(component).isConnected("widget")).isFalse();

        template.sendBodyAndHeaders("cec:queueInfo", null, Map.of(CecConstants.USER_ID, "widget",
                CecConstants.REGISTER_SESSION, true, "CamelCecOperation", "clickToCallSupport"));
        await().atMost(WAIT).until(() -> contents("widget", "AGENT").contains("seen by the bridge"));
    }

    @Test
    void gracefulShutdownDeliversWhatWasAlreadyFetched() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("cec:poll?delay=50").process(e -> {
                    record(e);
                    Thread.sleep(20); // a slow route: the batch is still being delivered when the stop begins
                });
            }
        });
        connect("slow");
        for (int i = 0; i < 30; i++) {
            sim().sendAgentMessage("slow", "s" + i);
        }
        await().atMost(WAIT).until(() -> contents("slow", "AGENT").size() >= 1);
        context.stop();
        // ref §5: fetched messages exist nowhere else; the stop waited for all of them
        assertThat(contents("slow", "AGENT")).hasSize(30);
    }

    private static long pollsOf(String userId) {
        return sim().journal().entries(CecOperation.POLL).stream().map(JournalEntry::uri)
                .filter(u -> u.contains("receiverId=" + userId + "&") || u.endsWith("receiverId=" + userId)).count();
    }
}
