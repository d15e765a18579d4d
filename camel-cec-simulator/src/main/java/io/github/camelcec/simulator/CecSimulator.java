package io.github.camelcec.simulator;

import io.github.camelcec.simulator.admin.AdminApi;
import io.github.camelcec.simulator.api.ApiSettings;
import io.github.camelcec.simulator.api.CecApi;
import io.github.camelcec.simulator.http.CecHttpServer;
import io.github.camelcec.simulator.state.Customer;
import io.github.camelcec.simulator.state.FileStore;
import io.github.camelcec.simulator.state.SimulatorState;
import io.github.camelcec.simulator.tls.TlsIdentity;

import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An in-process Huawei CEC web-client ("ccmessaging") server: both token layers, sessions with a robot and an agent
 * desk, file storage, the reference's quirks, fault injection, a request journal and a detector of overlapping polls;
 * plain HTTP or HTTPS. See docs/simulator.md.
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
    private final FaultInjector faults;
    private final RequestJournal journal;
    private final PollOverlapDetector pollOverlaps = new PollOverlapDetector();
    private final TlsIdentity tls;
    private final CecApi api;
    private CecHttpServer server;

    private CecSimulator(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.workerThreads = b.workerThreads;
        this.adminEnabled = b.adminEnabled;
        this.settings = new ApiSettings(b.appKey, b.appSecret, b.channelConfigId, b.customerTokenTtl, b.maxGatewayTokenTtl, b.clock);
        this.journal = new RequestJournal(b.journalCapacity);
        this.faults = new FaultInjector(b.clock);
        this.api = new CecApi(settings, state, quirks);
        this.tls = b.tls == null ? null : b.tls.get();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; returns this. Calling it again on a running simulator does nothing. */
    public synchronized CecSimulator start() {
        if (server == null) {
            SimulatorDispatcher dispatcher = new SimulatorDispatcher(api, faults, journal, settings.clock(), pollOverlaps,
                    adminEnabled ? new AdminApi(this) : null);
            server = CecHttpServer.start(host, requestedPort, workerThreads, tls == null ? null : tls.serverContext(),
                    dispatcher);
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

    /**
     * {@code http://<host>:<port>}, or {@code https://<host>:<port>} with TLS, no trailing slash. The default host
     * {@code 127.0.0.1} is one of the self-signed certificate's SubjectAltNames.
     */
    public String baseUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (tls == null ? "http://" : "https://") + h + ":" + port();
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

    /** Whether the simulator serves HTTPS. */
    public boolean tlsEnabled() {
        return tls != null;
    }

    /** A truststore holding the server's certificate, for a client that must trust this simulator. */
    public KeyStore trustStore() {
        return tlsIdentity().trustStore();
    }

    /** Writes {@link #trustStore()} as a PKCS12 file, e.g. for Camel's {@code SSLContextParameters}. */
    public void writeTrustStore(Path path, String password) {
        tlsIdentity().writeTrustStore(Objects.requireNonNull(path, "path"),
                Objects.requireNonNull(password, "password").toCharArray());
    }

    /** The server's certificate as PEM, e.g. for {@code curl --cacert}. */
    public String certificatePem() {
        return tlsIdentity().certificatePem();
    }

    private TlsIdentity tlsIdentity() {
        if (tls == null) {
            throw new IllegalStateException("the simulator serves plain HTTP: enable TLS with the builder's tls() options");
        }
        return tls;
    }

    /**
     * Polls of one customer that overlapped since the last reset (a poll arrived while another poll for the same
     * receiverId was still being answered), oldest first; the latest 10,000 are kept.
     */
    public List<PollOverlap> overlappingPolls() {
        return pollOverlaps.overlaps();
    }

    /** How many polls overlapped since the last reset (never capped). */
    public long overlappingPollCount() {
        return pollOverlaps.count();
    }

    /**
     * Clears journal, counters, faults, overlapping polls, sessions, tokens, files and queues; restores default
     * switches and quirks. TLS stays as built.
     */
    public void reset() {
        journal.clear();
        faults.clear();
        pollOverlaps.clear();
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

    /**
     * CEC releases the user's live session (as when it is not polled in time, cec-api.md §5) without a DISCONNECT
     * downlink: CHAT, TRANS2AGENT and INPUT then answer 13, queryQueueInfo 160004, and a new CONNECT starts a fresh
     * session. IllegalStateException without a live session.
     */
    public void endSession(String userId) {
        api.endSession(Objects.requireNonNull(userId, "userId"));
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
        private Supplier<TlsIdentity> tls;

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

        /** Serve HTTPS with a certificate generated at build, valid for {@code localhost} and {@code 127.0.0.1}. */
        public Builder tls() {
            this.tls = () -> TlsIdentity.selfSigned(TlsIdentity.DEFAULT_HOST_NAMES);
            return this;
        }

        /**
         * Serve HTTPS with a certificate generated at build whose only SubjectAltName is {@code hostName} (e.g.
         * {@code wrong.example}), so that a client's host-name verification fails against {@code 127.0.0.1}.
         */
        public Builder tlsHostName(String hostName) {
            if (hostName == null || hostName.isBlank()) {
                throw new IllegalArgumentException("tlsHostName must not be blank, was " + hostName);
            }
            this.tls = () -> TlsIdentity.selfSigned(List.of(hostName));
            return this;
        }

        /** Serve HTTPS with the first key entry of this PKCS12 or JKS keystore (the password opens store and key). */
        public Builder tlsKeyStore(Path path, String password) {
            Objects.requireNonNull(path, "tlsKeyStore path");
            char[] secret = Objects.requireNonNull(password, "tlsKeyStore password").toCharArray();
            this.tls = () -> TlsIdentity.fromKeyStore(path, secret);
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
