package io.github.camelcec.simulator;

import io.github.camelcec.simulator.admin.AdminApi;
import io.github.camelcec.simulator.api.ApiSettings;
import io.github.camelcec.simulator.api.CecApi;
import io.github.camelcec.simulator.http.CecHttpServer;
import io.github.camelcec.simulator.state.Customer;
import io.github.camelcec.simulator.state.FileStore;
import io.github.camelcec.simulator.state.SimulatorState;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An in-process Huawei CEC web-client ("ccmessaging") server: both token layers, sessions with a robot and an agent
 * desk, file storage, the reference's quirks, fault injection and a request journal. See docs/simulator.md.
 *
 * <pre>{@code
 * try (CecSimulator sim = CecSimulator.builder().build().start()) {
 *     String baseUrl = sim.baseUrl();
 * }
 * }</pre>
 */
public final class CecSimulator implements AutoCloseable {

    private final String host;
    private final int requestedPort;
    private final int workerThreads;
    private final boolean adminEnabled;
    private final ApiSettings settings;
    private final SimulatorState state = new SimulatorState();
    private final Quirks quirks = new Quirks();
    private final FaultInjector faults = new FaultInjector();
    private final RequestJournal journal;
    private final CecApi api;
    private CecHttpServer server;

    private CecSimulator(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.workerThreads = b.workerThreads;
        this.adminEnabled = b.adminEnabled;
        this.settings = new ApiSettings(b.appKey, b.appSecret, b.channelConfigId, b.customerTokenTtl, b.maxGatewayTokenTtl, b.clock);
        this.journal = new RequestJournal(b.journalCapacity);
        this.api = new CecApi(settings, state, quirks);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; returns this. Calling it again on a running simulator does nothing. */
    public synchronized CecSimulator start() {
        if (server == null) {
            SimulatorDispatcher dispatcher = new SimulatorDispatcher(api, faults, journal, settings.clock(),
                    adminEnabled ? new AdminApi(this) : null);
            server = CecHttpServer.start(host, requestedPort, workerThreads, dispatcher);
        }
        return this;
    }

    /** Stops the server and its event loops. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** {@code http://<host>:<port>}, no trailing slash. */
    public String baseUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port();
    }

    /** The bound port. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return server.port();
    }

    public String appKey() {
        return settings.appKey();
    }

    public String appSecret() {
        return settings.appSecret();
    }

    public String channelConfigId() {
        return settings.channelConfigId();
    }

    public RequestJournal journal() {
        return journal;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Clears journal, counters, faults, sessions, tokens, files and queues; restores default switches and quirks. */
    public void reset() {
        journal.clear();
        faults.clear();
        state.reset();
        quirks.restoreDefaults();
    }

    // the agent desk

    /** Queues an AGENT TEXT downlink for the user's live session; IllegalStateException without one. */
    public void sendAgentMessage(String userId, String text) {
        api.sendAgentMessage(userId, Objects.requireNonNull(text, "text"));
    }

    /** Stores the file and queues an IMAGE/AUDIO/VIDEO downlink whose content is the returned media id (fileId). */
    public String sendAgentMedia(String userId, String mediaType, byte[] content, String fileType) {
        return api.sendAgentMedia(userId, mediaType, Objects.requireNonNull(content, "content"), fileType);
    }

    /** Queues a SYSTEM TEXT downlink for the user's live session. */
    public void sendSystemMessage(String userId, String text) {
        api.sendSystemMessage(userId, Objects.requireNonNull(text, "text"));
    }

    /** The agent ends the session: a DISCONNECT downlink is queued and the session ends. */
    public void agentDisconnect(String userId) {
        api.agentDisconnect(userId);
    }

    /** When non-null, every customer CHAT in agent mode is answered with {@code reply.apply(text)} (null = no reply). */
    public void setAgentAutoReply(Function<String, String> reply) {
        state.switches().agentAutoReply(reply);
    }

    /** What the customer sent while an agent served, in order (text, or the media message's content). */
    public List<String> agentInbox(String userId) {
        Customer customer = state.customers().find(userId);
        return customer == null ? List.of() : customer.agentInbox();
    }

    // switches

    /** Closed: CONNECT, TRANS2AGENT and createClickToCall answer resultCode 12. */
    public void setWorkingHours(boolean open) {
        state.switches().workingHours(open);
    }

    /** Robot answers: the first keyword the customer's text contains picks the answer; no match echoes the text. */
    public void setRobotPhrases(Map<String, String> table) {
        state.switches().robotPhrases(table);
    }

    /** The phrase list queryPhraseByKeyword searches; null restores the reference sample's list. */
    public void setPhraseSuggestions(List<String> phrases) {
        state.switches().phraseSuggestions(phrases);
    }

    public void setClickToCallSupported(boolean supported) {
        state.switches().clickToCallSupported(supported);
    }

    public Quirks quirks() {
        return quirks;
    }

    // tokens

    /** Every gateway token issued so far is expired: its next use answers HTTP 403. */
    public void expireGatewayTokens() {
        state.gatewayTokens().expireAll();
    }

    /** The user's current customer token is expired: rotated while a session is live, else HTTP 401. */
    public void expireCustomerToken(String userId) {
        state.customerTokens().expire(userId);
    }

    /** The user's current customer token becomes unknown: HTTP 401. */
    public void revokeCustomerToken(String userId) {
        state.customerTokens().revoke(userId);
    }

    public Optional<String> currentCustomerToken(String userId) {
        return state.customerTokens().current(userId);
    }

    /** The user's current or last session, null if the user never connected. */
    public SessionView session(String userId) {
        Customer customer = state.customers().find(userId);
        return customer == null ? null : customer.view();
    }

    /** Every user's current or last session, by userId. */
    public List<SessionView> sessions() {
        return state.customers().all().stream().map(Customer::view).filter(Objects::nonNull)
                .sorted(Comparator.comparing(SessionView::userId)).toList();
    }

    public int liveSessionCount() {
        return state.customers().liveSessionCount();
    }

    /** A copy of the stored file (an upload's objectKey or an agent media id), null if absent. */
    public byte[] storedFile(String objectKeyOrFileId) {
        FileStore.StoredFile file = state.files().get(objectKeyOrFileId);
        return file == null ? null : file.content().clone();
    }

    /** Configures a simulator; every setting has a default. */
    public static final class Builder {
        private int port;
        private String host = "127.0.0.1";
        private String appKey = "demo-app-key";
        private String appSecret = "demo-app-secret";
        private String channelConfigId = "demo-channel-config";
        private Duration customerTokenTtl = Duration.ofSeconds(3600);
        private Duration maxGatewayTokenTtl = Duration.ofSeconds(3600);
        private Clock clock = Clock.systemUTC();
        private int journalCapacity = 10_000;
        private int workerThreads;
        private boolean adminEnabled = true;

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder appKey(String k) {
            this.appKey = Objects.requireNonNull(k, "appKey");
            return this;
        }

        public Builder appSecret(String s) {
            this.appSecret = Objects.requireNonNull(s, "appSecret");
            return this;
        }

        public Builder channelConfigId(String c) {
            this.channelConfigId = Objects.requireNonNull(c, "channelConfigId");
            return this;
        }

        public Builder customerTokenTtl(Duration ttl) {
            this.customerTokenTtl = positive(ttl, "customerTokenTtl");
            return this;
        }

        /** The largest X-Token-Expire tokenByAkSk accepts; above it answers 400. */
        public Builder maxGatewayTokenTtl(Duration ttl) {
            this.maxGatewayTokenTtl = positive(ttl, "maxGatewayTokenTtl");
            return this;
        }

        /** The clock every expiry and timestamp uses. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How many journal entries are kept (a ring buffer); counters are never capped. */
        public Builder journalCapacity(int entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("journalCapacity must be at least 1, was " + entries);
            }
            this.journalCapacity = entries;
            return this;
        }

        /** Netty worker event loops; 0 (the default) means Netty's default, twice the cores. */
        public Builder workerThreads(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("workerThreads must be 0 or more, was " + n);
            }
            this.workerThreads = n;
            return this;
        }

        /** The /admin HTTP endpoints (docs/simulator.md); on by default. */
        public Builder adminEnabled(boolean on) {
            this.adminEnabled = on;
            return this;
        }

        public CecSimulator build() {
            return new CecSimulator(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
