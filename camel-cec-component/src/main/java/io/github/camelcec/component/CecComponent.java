package io.github.camelcec.component;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelcec.component.client.CecClient;
import io.github.camelcec.component.client.CecClientConfiguration;
import io.github.camelcec.component.session.InMemorySessionRegistry;
import io.github.camelcec.component.session.SessionConnector;
import io.github.camelcec.component.session.SessionRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.ObjectHelper;

/**
 * The {@code cec:} component. Its options are shared by every endpoint; endpoints with the same connection settings
 * share one {@link CecClient}, so one gateway token and one customer-token cache serve them all (as camel-salesforce
 * shares one session). The session registry is per component.
 */
@Component("cec")
public class CecComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "The shared configuration; every endpoint starts from a copy of it.")
    private CecConfiguration configuration = new CecConfiguration();

    @Metadata(label = "advanced", description = "The customers with a live session, which cec:poll polls; in memory "
                                                + "by default. A shared implementation lets instances divide them.")
    private SessionRegistry sessionRegistry;

    @Metadata(label = "security", defaultValue = "false", description = "Use the global SSL context parameters.")
    private boolean useGlobalSslContextParameters;

    private final Map<ClientKey, CecClient> clients = new ConcurrentHashMap<>();
    private SessionConnector sessionConnector;
    private CecConsumer sessionConsumer;
    private java.util.concurrent.ExecutorService callbackExecutor;

    public CecComponent() {
    }

    public CecComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new IllegalArgumentException("The operation must be given: cec:<operation>, e.g. cec:send");
        }
        CecOperation operation;
        try {
            operation = CecOperation.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown CEC operation '" + remaining + "' in " + uri + "; one of "
                                               + java.util.Arrays.toString(CecOperation.values()), e);
        }
        CecConfiguration config = configuration.copy();
        CecEndpoint endpoint = new CecEndpoint(uri, this, operation, config);
        setProperties(endpoint, parameters);
        if (config.getSslContextParameters() == null) {
            config.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        return endpoint;
    }

    /**
     * The client for these settings, created on first use and shared with equal settings. Clients of the same app and
     * channel share their token layers, whatever their transport settings, so the component holds one gateway token
     * and one token per customer.
     */
    synchronized CecClient clientFor(CecConfiguration config, CecOperation operation) {
        ClientKey key = new ClientKey(config, operation);
        CecClient client = clients.get(key);
        if (client == null) {
            CecClient tokenOwner = null;
            for (Map.Entry<ClientKey, CecClient> e : clients.entrySet()) {
                if (e.getKey().sameCredentials(key)) {
                    tokenOwner = e.getValue();
                    break;
                }
            }
            client = new CecClient(clientConfiguration(config, operation), tokenOwner);
            clients.put(key, client);
        }
        return client;
    }

    SessionConnector sessionConnector() {
        return sessionConnector;
    }

    /**
     * One consumer polls the component's sessions: two would split each customer's messages between them and break
     * the order. (A consumer with receiverId polls only its customer and needs no claim.)
     */
    synchronized void claimSessionPolling(CecConsumer consumer) {
        if (sessionConsumer != null && sessionConsumer != consumer) {
            throw new IllegalStateException("Another cec:poll consumer already polls this component's sessions ("
                                            + sessionConsumer.getEndpoint() + "); use one, or receiverId");
        }
        sessionConsumer = consumer;
    }

    synchronized void releaseSessionPolling(CecConsumer consumer) {
        if (sessionConsumer == consumer) {
            sessionConsumer = null;
        }
    }

    /** Whether a consumer polls the sessions (and so ends them when it sees their DISCONNECT). */
    synchronized boolean hasSessionConsumer() {
        return sessionConsumer != null;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (sessionRegistry == null) {
            sessionRegistry = new InMemorySessionRegistry();
        }
        sessionConnector = new SessionConnector(sessionRegistry);
    }

    /** Where producers continue their exchanges once CEC answered (Camel's default thread pool profile). */
    synchronized java.util.concurrent.ExecutorService callbackExecutor() {
        if (callbackExecutor == null) {
            callbackExecutor = getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this, "CecProducer");
        }
        return callbackExecutor;
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (callbackExecutor != null) {
                getCamelContext().getExecutorServiceManager().shutdown(callbackExecutor);
                callbackExecutor = null;
            }
        }
        clients.values().forEach(CecClient::close);
        clients.clear();
        super.doStop();
    }

    private CecClientConfiguration clientConfiguration(CecConfiguration config, CecOperation operation) {
        CecClientConfiguration.Builder builder = CecClientConfiguration.builder()
                .baseUrl(config.getBaseUrl())
                .appKey(config.getAppKey())
                .appSecret(config.getAppSecret())
                .channelConfigId(config.getChannelConfigId())
                .channel(config.getChannel())
                .locale(config.getLocale())
                .gatewayTokenTtl(Duration.ofSeconds(config.getGatewayTokenTtl()))
                .customerTokenTtl(Duration.ofSeconds(config.getCustomerTokenTtl()))
                .connectTimeout(Duration.ofMillis(config.getConnectTimeout()))
                .responseTimeout(Duration.ofMillis(config.getResponseTimeout()))
                .maxConnections(config.getMaxConnections())
                .allowInsecureHttp(config.isAllowInsecureHttp())
                .acceptLanguage(config.getAcceptLanguage())
                .customerTokenStore(config.getCustomerTokenStore())
                // the producer decides per endpoint (throwExceptionOnFailure)
                .failOnBusinessError(false);
        if (config.getOperationPath() != null) {
            builder.path(operation.api(), config.getOperationPath());
        }
        SSLContextParameters ssl = config.getSslContextParameters();
        if (ssl != null) {
            try {
                builder.sslContext(ssl.createSSLContext(getCamelContext()));
            } catch (Exception e) {
                throw new IllegalArgumentException("Invalid sslContextParameters: " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    public CecConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(CecConfiguration configuration) {
        this.configuration = configuration;
    }

    public SessionRegistry getSessionRegistry() {
        return sessionRegistry;
    }

    public void setSessionRegistry(SessionRegistry sessionRegistry) {
        this.sessionRegistry = sessionRegistry;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    /** What makes two endpoints' clients interchangeable. Holds the secret, so it never prints it. */
    private static final class ClientKey {
        /** The parts that decide which tokens a client holds: the first {@value} of {@link #parts}. */
        private static final int CREDENTIALS = 4;
        private final Object[] parts;

        ClientKey(CecConfiguration c, CecOperation operation) {
            this.parts = new Object[] {
                    c.getBaseUrl(), c.getAppKey(), c.getAppSecret(), c.getChannelConfigId(),
                    c.getChannel(), c.getLocale(), c.getGatewayTokenTtl(), c.getCustomerTokenTtl(),
                    c.getConnectTimeout(), c.getResponseTimeout(), c.getMaxConnections(), c.isAllowInsecureHttp(),
                    c.getAcceptLanguage(), c.getCustomerTokenStore(), c.getSslContextParameters(),
                    c.getOperationPath() == null ? null : operation + "=" + c.getOperationPath() };
        }

        boolean sameCredentials(ClientKey other) {
            return java.util.Arrays.equals(parts, 0, CREDENTIALS, other.parts, 0, CREDENTIALS);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ClientKey k && java.util.Arrays.equals(parts, k.parts);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(parts);
        }

        @Override
        public String toString() {
            return "ClientKey[" + Objects.toString(parts[0]) + "]";
        }
    }
}
