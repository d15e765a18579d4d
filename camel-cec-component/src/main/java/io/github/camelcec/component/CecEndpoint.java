package io.github.camelcec.component;

import io.github.camelcec.component.client.CecClient;
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

/**
 * Chat with customers through the Huawei CEC web-client API (ccmessaging): send their messages, files and ratings,
 * and receive the robot's, agents' and system messages.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "cec", title = "Huawei CEC", syntax = "cec:operation",
             category = { Category.CHAT }, headersClass = CecConstants.class)
public class CecEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    @UriPath(description = "The CEC operation: send, poll, upload, download, satisfaction, robotFeedback, queueInfo, "
                           + "phrases, leaveMessage, createCall, clickToCall, clickToCallEvents, clickToCallSupport, "
                           + "dropClickToCall or applyToken. As a consumer only poll is possible.",
             enums = "send,poll,upload,download,satisfaction,robotFeedback,queueInfo,phrases,leaveMessage,createCall,"
                     + "clickToCall,clickToCallEvents,clickToCallSupport,dropClickToCall,applyToken")
    @Metadata(required = true)
    private CecOperation operation;

    @UriParam
    private CecConfiguration configuration;

    private CecClient client;

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

    /** The shared client for this endpoint's connection settings (created on first use). */
    public CecClient getClient() {
        if (client == null) {
            client = getComponent().clientFor(configuration, operation);
        }
        return client;
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

    /** Camel's URI sanitizer masks appSecret but not appKey, which product.md also treats as secret. */
    @Override
    public String toString() {
        return super.toString().replaceAll("(?i)(appKey=)(RAW\\([^)]*\\)|[^&]*)", "$1xxxxxx");
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
