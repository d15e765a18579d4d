package io.github.camelcec.component;

import io.github.camelcec.component.state.CustomerTokenStore;
import io.github.camelcec.component.state.PendingMessageStore;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of the {@code cec:} component. Set once on the component (shared by every endpoint, e.g.
 * {@code camel.component.cec.base-url}) and overridden per endpoint URI.
 */
@UriParams
public class CecConfiguration implements Cloneable {

    // ---- connection --------------------------------------------------------------------------------------------

    @UriParam(label = "common", description = "The CEC address, e.g. https://service.example.com; the component "
                                              + "appends /apiaccess/... and /apigovernance/... itself. Plain http:// "
                                              + "is accepted only for loopback hosts unless allowInsecureHttp is set.")
    @Metadata(required = true)
    private String baseUrl;

    @UriParam(label = "common", description = "The channel configuration ID from the CEC console (Service channel "
                                              + "configuration > Channel configuration). Sent as channelId, "
                                              + "channelConfigId and to.")
    @Metadata(required = true)
    private String channelConfigId;

    @UriParam(label = "common", defaultValue = "WEB", description = "The channel type; CEC knows only WEB today.")
    private String channel = "WEB";

    @UriParam(label = "common", defaultValue = "en",
              description = "The customer's language, an ISO 639 code without country (en, zh).")
    private String locale = "en";

    @UriParam(label = "common", description = "The customer's userId (1 to 32 characters) when no CamelCecUserId "
                                              + "header names one.")
    private String userId;

    @UriParam(label = "common", description = "The customer's display name for applyToken when no CamelCecUserName "
                                              + "header names one; defaults to the userId.")
    private String userName;

    // ---- security ----------------------------------------------------------------------------------------------

    @UriParam(label = "security", secret = true, description = "The API-gateway app key (AK).")
    @Metadata(required = true)
    private String appKey;

    @UriParam(label = "security", secret = true, description = "The API-gateway app secret (SK).")
    @Metadata(required = true)
    private String appSecret;

    @UriParam(label = "security", defaultValue = "600", description = "The gateway token lifetime to ask for, in "
                                                                       + "seconds (X-Token-Expire, 1 to 3600).")
    private int gatewayTokenTtl = 600;

    @UriParam(label = "security", defaultValue = "3600", description = "How long CEC keeps a customer token valid, "
                                                                        + "in seconds; the component applies for a new "
                                                                        + "one once it has elapsed.")
    private int customerTokenTtl = 3600;

    @UriParam(label = "security", description = "TLS settings for the connection to CEC.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "security", defaultValue = "false", description = "Allow plain http:// to a host other than "
                                                                         + "loopback. CEC's reference calls HTTP unsafe.")
    private boolean allowInsecureHttp;

    // ---- proxy -------------------------------------------------------------------------------------------------

    @UriParam(label = "proxy", description = "A forward proxy every request to CEC goes through (HTTPS by CONNECT), "
                                             + "loopback hosts included; none by default.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The forward proxy's port; required with proxyHost.")
    private Integer proxyPort;

    @UriParam(label = "security,proxy", secret = true, description = "The user for the proxy's Basic authentication.")
    private String proxyAuthUsername;

    @UriParam(label = "security,proxy", secret = true, description = "The password for the proxy's Basic "
                                                                       + "authentication.")
    private String proxyAuthPassword;

    // ---- producer ----------------------------------------------------------------------------------------------

    @UriParam(label = "common", defaultValue = "10485760", description = "The largest file, in bytes, cec:send and "
                                                                         + "cec:upload send and cec:download and "
                                                                         + "downloadMedia accept (10 MiB). CEC publishes "
                                                                         + "no limit; this bound is the component's, "
                                                                         + "checked before a body is read whole.")
    private long maxUploadSize = 10L * 1024 * 1024;

    @UriParam(label = "producer", defaultValue = "CHAT", enums = "CONNECT,CHAT,TRANS2AGENT,INPUT,DISCONNECT",
              description = "The control type of cec:send messages when no CamelCecControlType header is set.")
    private String controlType = "CHAT";

    @UriParam(label = "producer", defaultValue = "TEXT", enums = "TEXT,IMAGE,AUDIO,VIDEO,FILE,FILE_IMAGE,FILE_VIDEO",
              description = "The media type of cec:send messages with a text body when no CamelCecMediaType header is "
                            + "set (binary bodies take it from the file type).")
    private String mediaType = "TEXT";

    @UriParam(label = "producer", description = "The file type of uploaded, sent or downloaded files when no "
                                                + "CamelCecFileType header is set and no file name tells it "
                                                + "(jpg, png, bmp, mp3, aac, mp4, txt, csv; download also richtext, "
                                                + "doc, docx, pdf, zip).")
    private String fileType;

    @UriParam(label = "producer", defaultValue = "true", description = "Send CONNECT before a customer's first "
                                                                        + "message when the component has no session "
                                                                        + "for that customer yet.")
    private boolean autoConnect = true;

    @UriParam(label = "producer", defaultValue = "true", description = "Fail the exchange with a CecBusinessException "
                                                                        + "when CEC answers a non-zero resultCode; "
                                                                        + "when false the code is only put in the "
                                                                        + "CamelCecResultCode header.")
    private boolean throwExceptionOnFailure = true;

    @UriParam(label = "producer,advanced", defaultValue = "false", description = "Wait for CEC's answer on the "
                                                                                 + "calling thread and go on with the "
                                                                                 + "route there, as camel-http does. By "
                                                                                 + "default the producer is non-blocking "
                                                                                 + "and the route goes on on a Camel "
                                                                                 + "thread once CEC answered; callers "
                                                                                 + "that wait anyway (a ProducerTemplate, "
                                                                                 + "a Kafka consumer) save a thread hop.")
    private boolean synchronous;

    // ---- consumer ----------------------------------------------------------------------------------------------

    @UriParam(label = "consumer", description = "Poll only this customer; without it every customer with a live "
                                                + "session in the component is polled.")
    private String receiverId;

    @UriParam(label = "consumer", defaultValue = "50", description = "The most polls in flight at once (of different "
                                                                       + "customers; one customer is never polled twice "
                                                                       + "at once).")
    private int maxConcurrentPolls = 50;

    @UriParam(label = "consumer", defaultValue = "10", description = "Threads that run the route for received "
                                                                       + "messages; messages of one customer always run "
                                                                       + "one after the other, in order.")
    private int consumerThreads = 10;

    @UriParam(label = "consumer", defaultValue = "30", description = "After this many polls in a row found nothing "
                                                                       + "for a customer, the customer is polled less "
                                                                       + "often (the interval doubles up to "
                                                                       + "maxIdleDelay); a message or a send brings it "
                                                                       + "back to every delay.")
    private int slowDownAfterEmptyPolls = 30;

    @UriParam(label = "consumer", defaultValue = "10000", description = "The longest interval, in milliseconds, at "
                                                                          + "which a quiet customer is polled.")
    private long maxIdleDelay = 10_000;

    @UriParam(label = "consumer", defaultValue = "1800000", description = "A customer with no message either way for "
                                                                            + "this many milliseconds is removed from "
                                                                            + "the session store and no longer polled "
                                                                            + "(0 = never).")
    private long sessionIdleTimeout = 1_800_000;

    @UriParam(label = "consumer", defaultValue = "false", description = "Download IMAGE, AUDIO and VIDEO content before "
                                                                          + "the exchange is created: the bytes are in "
                                                                          + "the CamelCecMediaContent header and the "
                                                                          + "file type in CamelCecFileType.")
    private boolean downloadMedia;

    @UriParam(label = "consumer", defaultValue = "5000", description = "How long, in milliseconds, all polls pause when "
                                                                         + "CEC answers flow control (10010000002); "
                                                                         + "doubles while it persists.")
    private long flowControlDelay = 5_000;

    @UriParam(label = "consumer,advanced", description = "Remembers the messageCodes already delivered, to drop "
                                                         + "duplicates; a bounded in-memory repository by default.")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer,advanced", defaultValue = "10000", description = "How many messageCodes the default "
                                                                                  + "in-memory idempotent repository "
                                                                                  + "remembers.")
    private int idempotentCacheSize = 10_000;

    @UriParam(label = "consumer,advanced", description = "Where fetched messages are held until their exchange "
                                                         + "completed; in memory by default.")
    private PendingMessageStore pendingMessageStore;

    // ---- replicas (product.md §4) --------------------------------------------------------------------------------

    @UriParam(label = "consumer", defaultValue = "false",
              description = "Share the customers with the other replicas through the CamelContext's "
                            + "CamelClusterService: each customer belongs to one of the partitions, each partition is "
                            + "a cluster namespace, and a replica polls only the customers of the partitions it "
                            + "leads. Needs the shared state of a dataSource.")
    private boolean clustered;

    @UriParam(label = "consumer", defaultValue = "16",
              description = "How many partitions the customers are split into when clustered; every replica must "
                            + "use the same number. More partitions than replicas let a rebalancing cluster service "
                            + "spread them evenly.")
    private int partitions = 16;

    @UriParam(label = "consumer,advanced",
              description = "The prefix of the partitions' cluster namespaces: partition i is <prefix>-i. Defaults "
                            + "to cec-<channelConfigId>.")
    private String clusterNamespacePrefix;

    @UriParam(label = "consumer", defaultValue = "1000",
              description = "How long, in milliseconds, a replica that comes to lead a partition waits before it "
                            + "delivers the partition's held messages and polls its customers, so that polls the "
                            + "previous leader still had in flight are answered and written down first. Raise it "
                            + "towards responseTimeout when CEC answers slowly.")
    private long takeoverDelay = 1000;

    @UriParam(label = "consumer,advanced",
              description = "The cluster service to lead partitions with, when the CamelContext has several; by "
                            + "default the context's only (or first by order) CamelClusterService.")
    private CamelClusterService clusterService;

    @UriParam(label = "advanced",
              description = "A name for this replica, sent as the X-Cec-Client-Id header on every request so that a "
                            + "proxy's log or the simulator's journal tells replicas apart; not sent when unset.")
    private String clientId;

    // ---- advanced ----------------------------------------------------------------------------------------------

    @UriParam(label = "advanced", description = "Overrides the path of this endpoint's operation below the base URL "
                                                + "(the reference's samples show click-to-call paths without /v1).")
    private String operationPath;

    @UriParam(label = "advanced", defaultValue = "10000", description = "Connect timeout in milliseconds.")
    private int connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "30000", description = "Response timeout in milliseconds.")
    private int responseTimeout = 30_000;

    @UriParam(label = "advanced", defaultValue = "200", description = "The most pooled keep-alive connections to CEC.")
    private int maxConnections = 200;

    @UriParam(label = "advanced", description = "The Accept-Language header to send: zh_CN or en_US.")
    private String acceptLanguage;

    @UriParam(label = "advanced", description = "Where customer tokens are kept; an in-memory store by default. A "
                                                + "shared store lets several instances use one token per customer.")
    private CustomerTokenStore customerTokenStore;

    public CecConfiguration copy() {
        try {
            return (CecConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getChannelConfigId() {
        return channelConfigId;
    }

    public void setChannelConfigId(String channelConfigId) {
        this.channelConfigId = channelConfigId;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getAppKey() {
        return appKey;
    }

    public void setAppKey(String appKey) {
        this.appKey = appKey;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public int getGatewayTokenTtl() {
        return gatewayTokenTtl;
    }

    public void setGatewayTokenTtl(int gatewayTokenTtl) {
        this.gatewayTokenTtl = gatewayTokenTtl;
    }

    public int getCustomerTokenTtl() {
        return customerTokenTtl;
    }

    public void setCustomerTokenTtl(int customerTokenTtl) {
        this.customerTokenTtl = customerTokenTtl;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public long getMaxUploadSize() {
        return maxUploadSize;
    }

    public void setMaxUploadSize(long maxUploadSize) {
        this.maxUploadSize = maxUploadSize;
    }

    public String getControlType() {
        return controlType;
    }

    public void setControlType(String controlType) {
        this.controlType = controlType;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String getFileType() {
        return fileType;
    }

    public void setFileType(String fileType) {
        this.fileType = fileType;
    }

    public boolean isAutoConnect() {
        return autoConnect;
    }

    public void setAutoConnect(boolean autoConnect) {
        this.autoConnect = autoConnect;
    }

    public boolean isThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    public void setThrowExceptionOnFailure(boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    public String getReceiverId() {
        return receiverId;
    }

    public void setReceiverId(String receiverId) {
        this.receiverId = receiverId;
    }

    public int getMaxConcurrentPolls() {
        return maxConcurrentPolls;
    }

    public void setMaxConcurrentPolls(int maxConcurrentPolls) {
        this.maxConcurrentPolls = maxConcurrentPolls;
    }

    public int getConsumerThreads() {
        return consumerThreads;
    }

    public void setConsumerThreads(int consumerThreads) {
        this.consumerThreads = consumerThreads;
    }

    public int getSlowDownAfterEmptyPolls() {
        return slowDownAfterEmptyPolls;
    }

    public void setSlowDownAfterEmptyPolls(int slowDownAfterEmptyPolls) {
        this.slowDownAfterEmptyPolls = slowDownAfterEmptyPolls;
    }

    public long getMaxIdleDelay() {
        return maxIdleDelay;
    }

    public void setMaxIdleDelay(long maxIdleDelay) {
        this.maxIdleDelay = maxIdleDelay;
    }

    public long getSessionIdleTimeout() {
        return sessionIdleTimeout;
    }

    public void setSessionIdleTimeout(long sessionIdleTimeout) {
        this.sessionIdleTimeout = sessionIdleTimeout;
    }

    public boolean isDownloadMedia() {
        return downloadMedia;
    }

    public void setDownloadMedia(boolean downloadMedia) {
        this.downloadMedia = downloadMedia;
    }

    public long getFlowControlDelay() {
        return flowControlDelay;
    }

    public void setFlowControlDelay(long flowControlDelay) {
        this.flowControlDelay = flowControlDelay;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getIdempotentCacheSize() {
        return idempotentCacheSize;
    }

    public void setIdempotentCacheSize(int idempotentCacheSize) {
        this.idempotentCacheSize = idempotentCacheSize;
    }

    public PendingMessageStore getPendingMessageStore() {
        return pendingMessageStore;
    }

    public void setPendingMessageStore(PendingMessageStore pendingMessageStore) {
        this.pendingMessageStore = pendingMessageStore;
    }

    public boolean isSynchronous() {
        return synchronous;
    }

    public void setSynchronous(boolean synchronous) {
        this.synchronous = synchronous;
    }

    public String getOperationPath() {
        return operationPath;
    }

    public void setOperationPath(String operationPath) {
        this.operationPath = operationPath;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(int responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getAcceptLanguage() {
        return acceptLanguage;
    }

    public void setAcceptLanguage(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
    }

    public CustomerTokenStore getCustomerTokenStore() {
        return customerTokenStore;
    }

    public void setCustomerTokenStore(CustomerTokenStore customerTokenStore) {
        this.customerTokenStore = customerTokenStore;
    }

    @Override
    public String toString() {
        return "CecConfiguration[baseUrl=" + baseUrl + ", channelConfigId=" + channelConfigId + ", appKey=***"
               + ", appSecret=***" + (proxyHost == null ? "" : ", proxy=" + proxyHost + ":" + proxyPort)
               + (proxyAuthPassword == null ? "" : ", proxyAuthPassword=***") + "]";
    }

    public boolean isClustered() {
        return clustered;
    }

    public void setClustered(boolean clustered) {
        this.clustered = clustered;
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public String getClusterNamespacePrefix() {
        return clusterNamespacePrefix;
    }

    public void setClusterNamespacePrefix(String clusterNamespacePrefix) {
        this.clusterNamespacePrefix = clusterNamespacePrefix;
    }

    public long getTakeoverDelay() {
        return takeoverDelay;
    }

    public void setTakeoverDelay(long takeoverDelay) {
        this.takeoverDelay = takeoverDelay;
    }

    public CamelClusterService getClusterService() {
        return clusterService;
    }

    public void setClusterService(CamelClusterService clusterService) {
        this.clusterService = clusterService;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }
}
