package io.github.camelcec.component;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;
import javax.sql.DataSource;

import io.github.camelcec.component.client.CecSettings;
import io.github.camelcec.component.connection.CecConnection;
import io.github.camelcec.component.connection.CecConnections;
import io.github.camelcec.component.connection.ConnectionSettings;
import io.github.camelcec.component.state.SessionStore;
import io.github.camelcec.component.state.jdbc.JdbcStateSchema;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.ObjectHelper;

/**
 * The {@code cec:} component. Its options are shared by every endpoint; endpoints with equal connection settings share
 * one {@link CecConnection} — one gateway token, one token per customer, one session store — as camel-salesforce
 * shares one session.
 */
@Component("cec")
@ManagedResource(description = "Managed CEC component: the figures of all its connections")
public class CecComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "The shared configuration; every endpoint starts from a copy of it.")
    private CecConfiguration configuration = new CecConfiguration();

    @Metadata(label = "advanced", description = "Where the customers with a live session are kept, which cec:poll "
                                                + "polls; in memory by default. A shared store lets instances divide "
                                                + "them and a restarted JVM carry on.")
    private SessionStore sessionRegistry;

    @Metadata(label = "security", defaultValue = "false", description = "Use the global SSL context parameters.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "state", description = "The database where the component keeps its state: live sessions, "
                                             + "fetched messages not yet delivered, delivered message codes and "
                                             + "customer tokens. With it a restart, a crash or another replica "
                                             + "carries on where this JVM stopped; without it the state is in "
                                             + "memory. The tables are created on start when missing.")
    private DataSource dataSource;

    @Metadata(label = "state", defaultValue = "cec_", description = "The prefix of the state tables' names in the "
                                                                   + "dataSource.")
    private String stateTablePrefix = JdbcStateSchema.DEFAULT_PREFIX;

    @Metadata(label = "state", defaultValue = "86400000", description = "How long, in milliseconds, delivered "
                                                                       + "message codes are kept in the dataSource, "
                                                                       + "so a message redelivered after a crash is "
                                                                       + "dropped if its exchange had completed.")
    private long deliveredCodeRetention = 86_400_000L;

    private final CecConnections connections = new CecConnections();
    private JdbcStateSchema stateSchema;
    private final Map<SSLContextParameters, SSLContext> sslContexts = new IdentityHashMap<>();
    private volatile ExecutorService callbackExecutor;
    private AutoCloseable meters;

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

    /** The connection for an endpoint's settings, shared with every endpoint of equal settings; release it after. */
    CecConnection acquireConnection(CecConfiguration config, CecOperation operation) {
        return connections.acquire(connectionSettings(config, operation));
    }

    void releaseConnection(CecConnection connection) {
        connections.release(connection);
    }

    /** Where producers continue their exchanges once CEC answered (Camel's default thread pool profile). */
    ExecutorService callbackExecutor() {
        // read once per exchange: no lock once it exists
        ExecutorService executor = callbackExecutor;
        if (executor != null) {
            return executor;
        }
        synchronized (this) {
            if (callbackExecutor == null) {
                callbackExecutor = getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this, "CecProducer");
            }
            return callbackExecutor;
        }
    }

    /** The state tables are prepared (or found wrong) before any endpoint starts. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (dataSource != null && stateSchema == null) {
            try {
                stateSchema = JdbcStateSchema.install(dataSource, stateTablePrefix);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("The dataSource option of the cec component cannot hold its "
                                                   + "state: " + e.getMessage(), e);
            }
        }
        meters = CecMeters.bind(getCamelContext(), CecFigures.COMPONENT, this, Map.of("component", name()));
    }

    @Override
    protected void doStop() throws Exception {
        if (meters != null) {
            meters.close();
            meters = null;
        }
        synchronized (this) {
            if (callbackExecutor != null) {
                getCamelContext().getExecutorServiceManager().shutdown(callbackExecutor);
                callbackExecutor = null;
            }
            sslContexts.clear();
            stateSchema = null;
        }
        connections.closeAll();
        super.doStop();
    }

    private ConnectionSettings connectionSettings(CecConfiguration config, CecOperation operation) {
        CecSettings.Builder wire = CecSettings.builder()
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
                .clientId(config.getClientId())
                .proxy(config.getProxyHost(), config.getProxyPort() == null ? 0 : config.getProxyPort())
                .proxyAuth(config.getProxyAuthUsername(), config.getProxyAuthPassword())
                .maxFileSize(config.getMaxUploadSize())
                // the producer decides per endpoint (throwExceptionOnFailure)
                .failOnBusinessError(false)
                .sslContext(sslContext(config.getSslContextParameters()));
        if (config.getOperationPath() != null) {
            wire.path(operation.api(), config.getOperationPath());
        }
        return new ConnectionSettings(wire.build(), config.getCustomerTokenStore(), sessionRegistry,
                Duration.ofMillis(Math.max(0, config.getSessionIdleTimeout())), stateSchema,
                Duration.ofMillis(deliveredCodeRetention));
    }

    /** One SSL context per parameters object, so endpoints sharing the parameters share a connection. */
    private synchronized SSLContext sslContext(SSLContextParameters parameters) {
        if (parameters == null) {
            return null;
        }
        return sslContexts.computeIfAbsent(parameters, p -> {
            try {
                return p.createSSLContext(getCamelContext());
            } catch (Exception e) {
                throw new IllegalArgumentException("Invalid sslContextParameters: " + e.getMessage(), e);
            }
        });
    }

    /** The name this component is registered under (cec unless added under another). */
    private String name() {
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) == this) {
                return name;
            }
        }
        return "cec";
    }

    @ManagedAttribute(description = "Live sessions of the component's connections")
    public int getLiveSessions() {
        return connections.liveSessions();
    }

    @ManagedAttribute(description = "Gateway tokens fetched (tokenByAkSk)")
    public long getGatewayTokenFetches() {
        return connections.metrics().gatewayTokenFetches();
    }

    @ManagedAttribute(description = "Customer tokens applied for (applyToken)")
    public long getCustomerTokenApplies() {
        return connections.metrics().customerTokenApplies();
    }

    @ManagedAttribute(description = "Polls sent, by consumers and producers")
    public long getPolls() {
        return connections.metrics().polls();
    }

    @ManagedAttribute(description = "Answers with flow control (10010000002)")
    public long getFlowControlAnswers() {
        return connections.metrics().flowControlAnswers();
    }

    public CecConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(CecConfiguration configuration) {
        this.configuration = configuration;
    }

    public SessionStore getSessionRegistry() {
        return sessionRegistry;
    }

    public void setSessionRegistry(SessionStore sessionRegistry) {
        this.sessionRegistry = sessionRegistry;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getStateTablePrefix() {
        return stateTablePrefix;
    }

    public void setStateTablePrefix(String stateTablePrefix) {
        this.stateTablePrefix = stateTablePrefix;
    }

    public long getDeliveredCodeRetention() {
        return deliveredCodeRetention;
    }

    public void setDeliveredCodeRetention(long deliveredCodeRetention) {
        this.deliveredCodeRetention = deliveredCodeRetention;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
