package io.github.camelcec.component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelcec.component.client.CecApi;
import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.connection.CecConnection;
import io.github.camelcec.component.consumer.CecPollException;
import io.github.camelcec.component.consumer.ConsumerMetrics;
import io.github.camelcec.component.consumer.CustomerPollState;
import io.github.camelcec.component.consumer.DeliveryChains;
import io.github.camelcec.component.consumer.PollRound;
import io.github.camelcec.component.consumer.PollScheduler;
import io.github.camelcec.component.consumer.RedeliveryBackoff;
import io.github.camelcec.component.consumer.StoreRetry;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.model.DownloadFileRequest;
import io.github.camelcec.component.model.FileType;
import io.github.camelcec.component.model.PollRequest;
import io.github.camelcec.component.model.PollResponse;
import io.github.camelcec.component.state.InMemoryPendingMessageStore;
import io.github.camelcec.component.state.PendingMessage;
import io.github.camelcec.component.state.PendingMessageStore;
import io.github.camelcec.component.state.Session;
import io.github.camelcec.component.state.SessionStore;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("cec:poll")}: polls every customer with a live session (or only {@code receiverId}) and turns each
 * downlink message into one exchange. This class is the Camel face of the engine in package {@code consumer}: the
 * {@link PollScheduler} decides who is polled when, the answer is written ahead to the {@link PendingMessageStore}
 * (ref §5: the poll hands a message out once, so it is held until its exchange completed), and
 * {@link DeliveryChains} deliver each customer's held messages in order. Duplicates are dropped by messageCode against
 * the delivered codes ({@link IdempotentRepository}).
 */
@ManagedResource(description = "Managed CEC poll consumer")
public class CecConsumer extends ScheduledPollConsumer implements ShutdownAware {

    private static final Logger LOG = LoggerFactory.getLogger(CecConsumer.class);

    private final CecEndpoint endpoint;
    private final CecConfiguration config;
    private final AtomicInteger delivered = new AtomicInteger();
    private final ConsumerMetrics metrics = new ConsumerMetrics();
    private AutoCloseable meters;

    private CecConnection connection;
    private SessionStore sessions;
    private PendingMessageStore pending;
    private IdempotentRepository deliveredCodes;
    private ExecutorService workers;
    private ScheduledExecutorService redeliveryTimer;
    private PollScheduler scheduler;
    private DeliveryChains chains;
    private StoreRetry store;
    private boolean ownsDeliveredCodes;

    public CecConsumer(CecEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
    }

    @Override
    public CecEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        connection = endpoint.getConnection();
        sessions = connection.sessions();
        pending = config.getPendingMessageStore() != null
                ? config.getPendingMessageStore() : connection.pendingMessages();
        deliveredCodes = config.getIdempotentRepository() != null
                ? config.getIdempotentRepository() : connection.deliveredCodes();
        ownsDeliveredCodes = deliveredCodes == null;
        if (ownsDeliveredCodes) {
            deliveredCodes = MemoryIdempotentRepository.memoryIdempotentRepository(config.getIdempotentCacheSize());
        }
        ServiceHelper.startService(deliveredCodes);
        var executors = endpoint.getCamelContext().getExecutorServiceManager();
        workers = executors.newFixedThreadPool(this, "CecConsumer[" + endpoint.getOperation() + "]",
                config.getConsumerThreads());
        redeliveryTimer = executors.newSingleThreadScheduledExecutor(this, "CecConsumerRedelivery");
        scheduler = new PollScheduler(config.getMaxConcurrentPolls(),
                customer -> connection.callAsync(CecApi.POLL, customer, PollRequest.of(customer.userId())),
                this::onPolled, workers, config.getFlowControlDelay(), metrics);
        RedeliveryBackoff backoff = new RedeliveryBackoff(getDelay(), config.getMaxIdleDelay());
        store = new StoreRetry(redeliveryTimer, workers, backoff, (what, cause) -> getExceptionHandler().handleException(
                "The state store failed to " + what + "; polls wait and it is tried again", cause));
        chains = new DeliveryChains(pending, this::deliver, workers, redeliveryTimer, backoff, store,
                held -> held.message().getMessageCode() != null
                        && deliveredCodes.contains(held.message().getMessageCode()),
                this::drained, metrics);
        if (config.getReceiverId() == null) {
            connection.pollingClaim().claim(this);
        }
        super.doStart();
        meters = CecMeters.bind(endpoint.getCamelContext(), CecFigures.CONSUMER, this,
                Map.of("routeId", String.valueOf(getRouteId())));
        recover();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (meters != null) {
            meters.close();
            meters = null;
        }
        if (chains != null && chains.heldHere() > 0) {
            LOG.warn("{} CEC messages of {} were not delivered before the consumer stopped; they stay in the pending "
                     + "store{}", chains.heldHere(), chains.customers(),
                    pending instanceof InMemoryPendingMessageStore ? " in memory and are lost with this JVM" : "");
        }
        if (connection != null) {
            connection.pollingClaim().release(this);
        }
        var executors = endpoint.getCamelContext().getExecutorServiceManager();
        if (redeliveryTimer != null) {
            executors.shutdownNow(redeliveryTimer);
            redeliveryTimer = null;
        }
        if (workers != null) {
            executors.shutdownGraceful(workers);
            workers = null;
        }
        if (ownsDeliveredCodes) {
            ServiceHelper.stopService(deliveredCodes);
        }
    }

    /** Messages held from before (a restart on a durable store) are delivered first, in order per customer. */
    private void recover() {
        store.run("list the customers with held messages", pending::customers, this::recover);
    }

    private void recover(Set<String> customers) {
        for (String userId : customers) {
            if (config.getReceiverId() != null && !config.getReceiverId().equals(userId)) {
                continue;
            }
            Session session = sessions.get(userId);
            CustomerPollState state = scheduler.stateOf(
                    Customer.of(userId, session == null ? null : session.userName()), this::lastActivity);
            if (state.claim()) {
                chains.start(state, List.of());
            }
        }
    }

    /**
     * One tick: report how the previous round went, then mark the customers that are due and start their polls. A
     * round in which every poll failed is thrown, so Camel's backoff options and the health check react to it.
     */
    @Override
    protected int poll() throws Exception {
        Throwable storeFailure = store.failure();
        if (storeFailure != null) {
            // product.md §4: nothing is fetched that could not be recorded; the failed call is being retried
            throw new CecPollException("The state store is unreachable: " + storeFailure.getMessage(), storeFailure);
        }
        // one read of the sessions a tick: their last activity comes with them, not from a look-up per customer
        Map<String, Long> activity = new HashMap<>();
        Collection<Customer> customers = customers(activity);
        PollRound.Outcome previous = scheduler.tick(customers, id -> activity.getOrDefault(id, -1L),
                System.currentTimeMillis());
        int count = delivered.getAndSet(0);
        if (previous.allFailed()) {
            Throwable cause = CecConnection.unwrap(previous.lastError());
            throw new CecPollException("All " + previous.failed() + " CEC polls of the last round failed: "
                                       + cause.getMessage(), cause);
        }
        return count;
    }

    /** The customers of this consumer (the one receiverId, or every session); their last activity into the map. */
    private Collection<Customer> customers(Map<String, Long> activity) {
        if (config.getReceiverId() != null) {
            activity.put(config.getReceiverId(), lastActivity(config.getReceiverId()));
            return List.of(Customer.of(config.getReceiverId(), config.getUserName()));
        }
        Collection<Session> live = sessions.sessions();
        List<Customer> customers = new ArrayList<>(live.size());
        long idleTimeout = config.getSessionIdleTimeout();
        long now = System.currentTimeMillis();
        for (Session s : live) {
            if (idleTimeout > 0 && now - s.lastActivity() > idleTimeout && !pending.hasPending(s.userId())) {
                // this consumer's own idle timeout, which may be shorter than the store's
                connection.conversation().ended(s.userId());
                scheduler.forget(s.userId());
                continue;
            }
            customers.add(Customer.of(s.userId(), s.userName()));
            activity.put(s.userId(), s.lastActivity());
        }
        return customers;
    }

    private long lastActivity(String userId) {
        Session s = sessions.get(userId);
        return s == null ? -1 : s.lastActivity();
    }

    /** On the worker pool (an empty answer where it arrived): write the answer ahead, then start the deliveries. */
    private void onPolled(CustomerPollState state, PollResponse response, Throwable error) {
        // ref §5: messages the answer carries were handed out, whatever its resultCode says
        if (error != null || !response.isSuccess() && response.getDownlinkMessages().isEmpty()) {
            state.retryNextTick();
            state.release();
            return;
        }
        List<DownlinkMessage> messages = response.getDownlinkMessages();
        if (messages.isEmpty()) {
            state.idle(config.getSlowDownAfterEmptyPolls(), maxIntervalTicks());
            state.release();
            return;
        }
        // write-ahead (product.md §4): the answer is in the store before any exchange exists; until the store takes
        // it, it is retried and the customer is not polled again
        store.run("hold " + messages.size() + " messages of " + state.userId(), () -> hold(state, messages), held -> {
            state.lively();
            chains.start(state, held);
            touch(state.userId());
        });
    }

    private List<PendingMessage> hold(CustomerPollState state, List<DownlinkMessage> messages) {
        List<DownlinkMessage> fresh = new ArrayList<>(messages.size());
        for (DownlinkMessage message : messages) {
            // product.md §2: a message whose exchange already completed is dropped by messageCode
            if (message.getMessageCode() == null || !deliveredCodes.contains(message.getMessageCode())) {
                fresh.add(message);
            }
        }
        return pending.append(state.userId(), fresh);
    }

    /** The session is alive; a store that cannot record it now loses nothing that matters, so it is only reported. */
    private void touch(String userId) {
        try {
            connection.conversation().touched(userId);
        } catch (RuntimeException e) {
            getExceptionHandler().handleException("Could not record the activity of " + userId, e);
        }
    }

    /** A customer's held messages are all delivered: poll again at its cadence, or end the session it closed. */
    private void drained(CustomerPollState state) {
        state.delivered();
        if (!state.isEnded()) {
            state.release();
            return;
        }
        store.run("end the session of " + state.userId(), () -> {
            connection.conversation().ended(state.userId());
            return state;
        }, ended -> {
            scheduler.forget(state.userId());
            state.release();
        });
    }

    private void deliver(CustomerPollState state, PendingMessage held, DeliveryChains.Outcome outcome) {
        DownlinkMessage message = held.message();
        if (!config.isDownloadMedia() || !isMedia(message)) {
            process(state, held, null, outcome);
            return;
        }
        DownloadFileRequest download = new DownloadFileRequest();
        download.setFileId(message.getContent());
        download.setFileType(likelyFileType(message.getMediaType()));
        connection.callAsync(CecApi.DOWNLOAD_FILE, state.customer(), download).whenCompleteAsync((file, error) -> {
            if (error != null || !file.isSuccess()) {
                Throwable cause = error != null ? CecConnection.unwrap(error)
                        : new CecBusinessException("download", file, 200);
                // e.g. a file over maxUploadSize: the route never sees it, so the handler must
                getExceptionHandler().handleException("Download of the media of CEC message " + message.getMessageCode()
                                                      + " for " + state.userId() + " failed; it is held and will be "
                                                      + "delivered again", cause);
                outcome.failed(cause);
                return;
            }
            process(state, held, file.getBytes(), outcome);
        }, workers);
    }

    private void process(CustomerPollState state, PendingMessage held, byte[] media, DeliveryChains.Outcome outcome) {
        DownlinkMessage message = held.message();
        Exchange exchange = createExchange(true);
        Message in = exchange.getMessage();
        in.setBody(message.getMalformed() != null ? message.getRawJson() : message);
        in.setHeader(CecConstants.MALFORMED, message.getMalformed());
        in.setHeader(CecConstants.USER_ID, state.userId());
        in.setHeader(CecConstants.SOURCE_TYPE, message.getSourceType());
        in.setHeader(CecConstants.CONTROL_TYPE, message.getControlType());
        in.setHeader(CecConstants.MEDIA_TYPE, message.getMediaType());
        in.setHeader(CecConstants.MESSAGE_CODE, message.getMessageCode());
        in.setHeader(CecConstants.CALL_ID, message.getCallId());
        in.setHeader(CecConstants.TIMESTAMP, message.getTimestamp());
        if (media != null) {
            in.setHeader(CecConstants.MEDIA_CONTENT, media);
            // cec-api §6: the type of the bytes received, not of the guess the download asked with
            in.setHeader(CecConstants.FILE_TYPE, FileType.sniff(media, likelyFileType(message.getMediaType())));
        }
        exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
            @Override
            public void onComplete(Exchange done) {
                delivered.incrementAndGet();
                if ("DISCONNECT".equalsIgnoreCase(message.getControlType()) && config.getReceiverId() == null) {
                    state.markEnded();
                }
                if (message.getMessageCode() == null) {
                    outcome.completed();
                    return;
                }
                // the code first: a crash between the two delivers the message again, and then drops it by its code
                store.run("record the delivered code " + message.getMessageCode(),
                        () -> deliveredCodes.add(message.getMessageCode()), added -> outcome.completed());
            }

            @Override
            public void onFailure(Exchange failed) {
                // the message stays at the head of the customer's queue and is delivered again first
                getExceptionHandler().handleException("Delivery of CEC message " + message.getMessageCode() + " for "
                                                      + state.userId() + " failed; it is held and will be delivered "
                                                      + "again", failed, failed.getException());
                outcome.failed(failed.getException());
            }
        });
        getAsyncProcessor().process(exchange, doneSync -> {
        });
    }

    /** Graceful shutdown: no new polls, but what was fetched is still delivered (ref §5: it exists nowhere else). */
    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        if (!suspendOnly) {
            scheduler.stop();
        }
    }

    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return false;
    }

    /** Messages held for this consumer's customers plus polls whose answer is still coming: shutdown waits for them. */
    @Override
    public int getPendingExchangesSize() {
        if (scheduler == null) {
            return 0;
        }
        return chains.heldHere() + scheduler.pollsInFlight();
    }

    @Override
    protected void doResume() throws Exception {
        scheduler.resume();
        super.doResume();
    }

    private int maxIntervalTicks() {
        return (int) Math.max(1, config.getMaxIdleDelay() / Math.max(1, getDelay()));
    }

    private static boolean isMedia(DownlinkMessage message) {
        String type = message.getMediaType();
        return type != null && switch (type.toUpperCase(Locale.ROOT)) {
            case "IMAGE", "AUDIO", "VIDEO" -> true;
            default -> false;
        };
    }

    /** ref §9: download needs a file type the downlink message does not carry; ask with the usual one. */
    private static String likelyFileType(String mediaType) {
        return switch (mediaType.toUpperCase(Locale.ROOT)) {
            case "IMAGE" -> "jpg";
            case "AUDIO" -> "mp3";
            default -> "mp4";
        };
    }

    @ManagedAttribute(description = "Live sessions in the session store this consumer polls")
    public int getLiveSessions() {
        return sessions == null ? 0 : sessions.size();
    }

    @ManagedAttribute(description = "Customers the poll scheduler knows right now")
    public int getPolledCustomers() {
        return scheduler == null ? 0 : scheduler.customerCount();
    }

    @ManagedAttribute(description = "Messages this consumer fetched and holds until their exchange completes")
    public int getPendingMessages() {
        return chains == null ? 0 : chains.heldHere();
    }

    @ManagedAttribute(description = "Messages whose exchange completed")
    public long getDelivered() {
        return metrics.delivered();
    }

    @ManagedAttribute(description = "Deliveries that failed and were scheduled again")
    public long getRedeliveries() {
        return metrics.redeliveries();
    }

    @ManagedAttribute(description = "Polls sent")
    public long getPolls() {
        return metrics.polls();
    }

    @ManagedAttribute(description = "Polls that failed (transport, HTTP or result code)")
    public long getPollFailures() {
        return metrics.pollFailures();
    }

    @ManagedAttribute(description = "Polls sent per second between the last two ticks")
    public double getPollRate() {
        return metrics.pollRate();
    }

    @ManagedAttribute(description = "Times CEC's flow control (10010000002) paused every poll")
    public long getFlowControlPauses() {
        return metrics.flowControlPauses();
    }

    /**
     * Ends the customer's session here, as its DISCONNECT downlink would: it is no longer polled and its customer token
     * is dropped; messages already held are still delivered. CEC is not told (send DISCONNECT for that).
     */
    @ManagedOperation(description = "Ends the customer's session here: no longer polled, its customer token dropped; "
                                    + "held messages are still delivered. Returns whether a session was live "
                                    + "(false while the consumer is stopped).")
    public boolean endSession(String userId) {
        if (scheduler == null || !isRunAllowed()) {
            return false;
        }
        boolean live = sessions.get(userId) != null;
        connection.conversation().ended(userId);
        return live;
    }

    /**
     * Retries the customer now: held messages waiting out their redelivery delay are delivered at once; otherwise the
     * customer is polled at the next tick, at the base cadence again.
     */
    @ManagedOperation(description = "Redelivers the customer's held messages now, or polls the customer at the next "
                                    + "tick. Returns false for a customer this consumer does not know, or while it "
                                    + "is stopped.")
    public boolean retryNow(String userId) {
        if (scheduler == null || !isRunAllowed()) {
            return false;
        }
        if (chains.redeliverNow(userId)) {
            return true;
        }
        // a customer with a session the scheduler has not met yet is due at the next tick anyway
        return scheduler.pollNextTick(userId) || sessions.get(userId) != null;
    }
}
