package io.github.camelcec.component;

import java.util.regex.Pattern;

import io.github.camelcec.component.client.CecValidationException;
import io.github.camelcec.component.connection.CecConnection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.URISupport;

/**
 * Chat with customers through the Huawei CEC web-client API (ccmessaging): send their messages, files and ratings,
 * and receive the robot's, agents' and system messages.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "cec", title = "Huawei CEC", syntax = "cec:operation",
             category = { Category.CHAT }, headersClass = CecConstants.class)
public class CecEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    private static final Pattern APP_KEY = Pattern.compile("(?i)(appKey=)(RAW\\([^)]*\\)|[^&]*)");

    @UriPath(description = "The CEC operation: send, poll, upload, download, satisfaction, robotFeedback, queueInfo, "
                           + "phrases, leaveMessage, createCall, clickToCall, clickToCallEvents, clickToCallSupport, "
                           + "dropClickToCall or applyToken. As a consumer only poll is possible.",
             enums = "send,poll,upload,download,satisfaction,robotFeedback,queueInfo,phrases,leaveMessage,createCall,"
                     + "clickToCall,clickToCallEvents,clickToCallSupport,dropClickToCall,applyToken")
    @Metadata(required = true)
    private CecOperation operation;

    @UriParam
    private CecConfiguration configuration;
    private volatile MaskedUri maskedUri;

    private CecConnection connection;

    public CecEndpoint(String uri, CecComponent component, CecOperation operation, CecConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new CecProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != CecOperation.poll) {
            throw new IllegalArgumentException("cec:" + operation + " is a producer only; consume with cec:poll");
        }
        CecConsumer consumer = new CecConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public CecComponent getComponent() {
        return (CecComponent) super.getComponent();
    }

    /** Fails fast, naming the option, when a required option is missing; then takes the shared connection. */
    @Override
    protected void doStart() throws Exception {
        requireOption("baseUrl", configuration.getBaseUrl());
        requireOption("appKey", configuration.getAppKey());
        requireOption("appSecret", configuration.getAppSecret());
        requireOption("channelConfigId", configuration.getChannelConfigId());
        super.doStart();
        getConnection();
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (connection != null) {
                getComponent().releaseConnection(connection);
                connection = null;
            }
        }
        super.doStop();
    }

    /**
     * The connection shared with every endpoint of equal settings. Taken again when the one held was closed (its
     * component stopped and started on its own), so an endpoint never keeps a closed transport.
     */
    public synchronized CecConnection getConnection() {
        if (connection == null || connection.isClosed()) {
            connection = getComponent().acquireConnection(configuration, operation);
        }
        return connection;
    }

    private void requireOption(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new CecValidationException("configuration", name, "is required: set it on the endpoint or as "
                                                                    + "camel.component.cec."
                                                                    + StringHelper.camelCaseToDash(name),
                    value);
        }
    }

    public CecOperation getOperation() {
        return operation;
    }

    public void setOperation(CecOperation operation) {
        this.operation = operation;
    }

    public CecConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(CecConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * The URI as printed anywhere (routes, JMX, logs): Camel's sanitizer masks appSecret, and appKey is masked too,
     * as product.md treats it as a secret.
     */
    @Override
    public String getEndpointUri() {
        // Camel asks for it on every exchange sent here: mask once per URI, not once per message
        String uri = super.getEndpointUri();
        MaskedUri masked = maskedUri;
        if (masked == null || masked.uri() != uri) {
            masked = new MaskedUri(uri, maskAppKey(URISupport.sanitizeUri(uri)));
            maskedUri = masked;
        }
        return masked.masked();
    }

    /** A URI as written and as printed. */
    private record MaskedUri(String uri, String masked) {
    }

    /** The registry key stays the URI as written, so endpoints differing only in a secret stay apart. */
    @Override
    public String getEndpointKey() {
        return super.getEndpointUri();
    }

    @Override
    public String toString() {
        return maskAppKey(super.toString());
    }

    private static String maskAppKey(String uri) {
        return uri == null ? null : APP_KEY.matcher(uri).replaceAll("$1xxxxxx");
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }
}
