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
import io.github.camelcec.component.client.CecValidationException;
import io.github.camelcec.component.cluster.CustomerPartitions;
import io.github.camelcec.component.cluster.PartitionLeadership;
import io.github.camelcec.component.connection.CecConnection;
import io.github.camelcec.component.consumer.CecPollException;
import io.github.camelcec.component.consumer.ConsumerMetrics;
import io.github.camelcec.component.consumer.CustomerPollState;
import io.github.camelcec.component.consumer.DeliveryChains;
import io.github.camelcec.component.consumer.GroupCommit;
import io.github.camelcec.component.consumer.PollRound;
import io.github.camelcec.component.consumer.PollScheduler;
import io.github.camelcec.component.consumer.RedeliveryBackoff;
import io.github.camelcec.component.consumer.StoreRetry;
import io.github.camelcec.component.consumer.TouchBatch;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.model.DownloadFileRequest;
import io.github.camelcec.component.model.FileType;
import io.github.camelcec.component.model.PollRequest;
import io.github.camelcec.component.model.PollResponse;
import io.github.camelcec.component.state.DeliveredCodes;
import io.github.camelcec.component.state.InMemoryPendingMessageStore;
import io.github.camelcec.component.state.InMemorySessionStore;
import io.github.camelcec.component.state.PendingMessage;
import io.github.camelcec.component.state.PendingMessageStore;
import io.github.camelcec.component.state.Session;
import io.github.camelcec.component.state.SessionStore;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.cluster.ClusterServiceHelper;
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
 * <p>
 * Clustered ({@code clustered=true}), the replicas share the customers: each customer belongs to a partition, and this
 * consumer polls and delivers only the customers of the partitions its {@link PartitionLeadership} leads.
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
    private DeliveredCodes deliveredBatches;
    private ExecutorService workers;
    private ScheduledExecutorService redeliveryTimer;
    private PollScheduler scheduler;
    private DeliveryChains chains;
    private StoreRetry store;
    private TouchBatch touches;
    private boolean ownsDeliveredCodes;
    /** The partitions this replica leads; null when not clustered (every customer is this consumer's). */
    private volatile PartitionLeadership leadership;
    private CustomerPartitions partitions;

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
        deliveredBatches = DeliveredCodes.of(deliveredCodes);
        var executors = endpoint.getCamelContext().getExecutorServiceManager();
        workers = executors.newFixedThreadPool(this, "CecConsumer[" + endpoint.getOperation() + "]",
                config.getConsumerThreads());
        redeliveryTimer = executors.newSingleThreadScheduledExecutor(this, "CecConsumerRedelivery");
        scheduler = new PollScheduler(config.getMaxConcurrentPolls(), this::startPoll, this::onPolled, workers,
                config.getFlowControlDelay(), metrics);
        RedeliveryBackoff backoff = new RedeliveryBackoff(getDelay(), config.getMaxIdleDelay());
        store = new StoreRetry(redeliveryTimer, workers, backoff, (what, cause) -> getExceptionHandler().handleException(
                "The state store failed to " + what + "; polls wait and it is tried again", cause));
        // a store in memory commits nothing, so it gains nothing from waiting for other completions
        GroupCommit completions = new GroupCommit(pending, deliveredBatches, store, redeliveryTimer, workers,
                pending instanceof InMemoryPendingMessageStore ? 0 : GroupCommit.WINDOW_MILLIS);
        touches = new TouchBatch(this::touch, redeliveryTimer, workers,
                sessions instanceof InMemorySessionStore ? 0 : GroupCommit.WINDOW_MILLIS);
        chains = new DeliveryChains(pending, this::deliver, workers, redeliveryTimer, backoff, store, completions,
                held -> held.message().getMessageCode() != null
                        && deliveredCodes.contains(held.message().getMessageCode()),
                this::drained, config.isClustered() ? new PartitionOwnership() : DeliveryChains.Ownership.ALWAYS,
                metrics);
        if (config.isClustered()) {
            // before the first tick: a clustered consumer polls nobody until it leads a partition
            partitions = partitions();
            leadership = new PartitionLeadership(clusterService(), partitions, config.getTakeoverDelay(),
                    redeliveryTimer, this::takeOver);
        }
        if (config.getReceiverId() == null) {
            connection.pollingClaim().claim(this);
        }
        super.doStart();
        meters = CecMeters.bind(endpoint.getCamelContext(), CecFigures.CONSUMER, this,
                Map.of("routeId", String.valueOf(getRouteId())));
        if (leadership != null) {
            // each partition's held messages are delivered when it is taken over, not here
            leadership.start();
        } else {
            recover();
        }
    }

    /** clustered=true needs what replicas share: the state database and a cluster service to lead partitions with. */
    private CamelClusterService clusterService() throws Exception {
        CamelContext context = endpoint.getCamelContext();
        CamelClusterService service = config.getClusterService();
        if (service != null && !context.hasService(service)) {
            // a bean from the registry (camel.beans.*): the context starts and stops it like its own services
            context.addService(service, true, true);
        } else if (service == null) {
            service = ClusterServiceHelper.lookupService(context).orElse(null);
        }
        List<String> missing = new ArrayList<>(2);
        if (pending instanceof InMemoryPendingMessageStore || sessions instanceof InMemorySessionStore
            || ownsDeliveredCodes) {
            missing.add("a dataSource (the state the replicas share)");
        }
        if (service == null) {
            missing.add("a CamelClusterService in the CamelContext (e.g. FileLockClusterService, "
                        + "ZooKeeperClusterService, KubernetesClusterService)");
        }
        if (!missing.isEmpty()) {
            throw new CecValidationException("configuration", "clustered",
                    "needs " + String.join(" and ", missing) + " when true", true);
        }
        return service;
    }

    private CustomerPartitions partitions() {
        String prefix = config.getClusterNamespacePrefix() != null
                ? config.getClusterNamespacePrefix() : "cec-" + config.getChannelConfigId();
        try {
            return new CustomerPartitions(config.getPartitions(), prefix);
        } catch (IllegalArgumentException e) {
            throw new CecValidationException("configuration", "partitions", "must be 1 or more",
                    config.getPartitions());
        }
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (leadership != null) {
            // after the graceful part of the shutdown: the next leader starts on what this one could not deliver
            leadership.stop();
            leadership = null;
        }
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
            if (isMine(userId)) {
                recover(userId, 0);
            }
        }
    }

    private void recover(String userId, long term) {
        Session session = sessions.get(userId);
        CustomerPollState state = scheduler.stateOf(
                Customer.of(userId, session == null ? null : session.userName()), this::lastActivity);
        // a customer still busy from an earlier term finds the term ended and starts again from the store
        if (state.claim()) {
            state.term(term);
            chains.start(state, List.of());
        }
    }

    private boolean isMine(String userId) {
        return config.getReceiverId() == null || config.getReceiverId().equals(userId);
    }

    /**
     * A partition is ours from {@code term} on (the previous leader's in-flight polls waited out): its held messages
     * go first, in order per customer (product.md §4), and only then are its customers polled.
     */
    private void takeOver(int partition, long term, Runnable ready) {
        // on the worker pool: the leadership timer is not held up by the store
        workers.execute(() -> store.run("list the customers with held messages", pending::customers, customers -> {
            for (String userId : customers) {
                if (isMine(userId) && partitions.partitionOf(userId) == partition) {
                    recover(userId, term);
                }
            }
            ready.run();
        }));
    }

    /** Whether this replica polls the customer now: always, unless clustered and its partition is led elsewhere. */
    private boolean polledHere(String userId) {
        if (!config.isClustered()) {
            return true;
        }
        PartitionLeadership led = leadership;
        return led != null && led.isPollable(partitions.partitionOf(userId));
    }

    /** The term of the customer's partition here (0 when not led here); 0 when not clustered. */
    private long currentTerm(String userId) {
        PartitionLeadership led = leadership;
        return led == null ? 0 : led.term(partitions.partitionOf(userId));
    }

    /** Whether work on the customer started in the partition's current term: it may go on here. */
    private boolean stillOwned(CustomerPollState state) {
        return !config.isClustered() || state.term() != 0 && state.term() == currentTerm(state.userId());
    }

    /**
     * The customer's work started in an ended term. If the partition is ours again, start over from the store
     * (another replica may have delivered or added messages meanwhile); else let the customer go.
     */
    private void handBack(CustomerPollState state) {
        long term = currentTerm(state.userId());
        if (term == 0) {
            state.release();
            term = currentTerm(state.userId());
            // a takeover between the two looks could not claim the customer: do it for it
            if (term == 0 || !state.claim()) {
                return;
            }
        }
        state.term(term);
        chains.start(state, List.of());
    }

    /** Chains of a clustered consumer go on only in the term they started in. */
    private final class PartitionOwnership implements DeliveryChains.Ownership {
        @Override
        public boolean owns(CustomerPollState state) {
            return stillOwned(state);
        }

        @Override
        public void handBack(CustomerPollState state) {
            CecConsumer.this.handBack(state);
        }
    }

    /** Starts one customer's poll, in the term its partition has now. */
    private CompletableFuture<PollResponse> startPoll(CustomerPollState state) {
        state.term(currentTerm(state.userId()));
        return connection.callAsync(CecApi.POLL, state.customer(), PollRequest.of(state.userId()));
    }

    /**
     * One tick: report how the previous round went, then mark the customers that are due and start their polls. A
     * round in which every poll failed is thrown, so Camel's backoff options and the health check react to it.
     */
    @Override
    protected int poll() throws Exception {
        if (leadership != null) {
            leadership.reconcile();
        }
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
            if (!polledHere(config.getReceiverId())) {
                return List.of();
            }
            activity.put(config.getReceiverId(), lastActivity(config.getReceiverId()));
            return List.of(Customer.of(config.getReceiverId(), config.getUserName()));
        }
        Collection<Session> live = sessions.sessions();
        List<Customer> customers = new ArrayList<>(live.size());
        long idleTimeout = config.getSessionIdleTimeout();
        long now = System.currentTimeMillis();
        for (Session s : live) {
            if (!polledHere(s.userId())) {
                continue;
            }
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
            touches.touched(state.userId());
            if (stillOwned(state)) {
                chains.start(state, held);
            } else {
                // the partition changed hands while the poll was out: the messages are held for its leader
                handBack(state);
            }
        });
    }

    private List<PendingMessage> hold(CustomerPollState state, List<DownlinkMessage> messages) {
        List<String> codes = new ArrayList<>(messages.size());
        for (DownlinkMessage message : messages) {
            if (message.getMessageCode() != null) {
                codes.add(message.getMessageCode());
            }
        }
        // product.md §2: a message whose exchange already completed is dropped by messageCode; one look-up an answer
        Set<String> seen = codes.isEmpty() ? Set.of() : deliveredBatches.deliveredAmong(codes);
        List<DownlinkMessage> fresh = new ArrayList<>(messages.size());
        for (DownlinkMessage message : messages) {
            if (message.getMessageCode() == null || !seen.contains(message.getMessageCode())) {
                fresh.add(message);
            }
        }
        return pending.append(state.userId(), fresh);
    }

    /** The sessions are alive; a store that cannot record it now loses nothing that matters, so it is only reported. */
    private void touch(Set<String> userIds) {
        try {
            connection.conversation().touchedAll(userIds);
        } catch (RuntimeException e) {
            getExceptionHandler().handleException("Could not record the activity of " + userIds, e);
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
                // its code is recorded as it leaves the pending store, with the other completions of a few ms
                outcome.completed();
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

    @ManagedAttribute(description = "The partitions whose customers this replica polls (clustered=true), e.g. "
                                    + "[0, 5, 9]; empty when it leads none, null when not clustered")
    public String getPolledPartitions() {
        PartitionLeadership led = leadership;
        return led == null ? null : led.pollablePartitions().toString();
    }

    @ManagedAttribute(description = "How many partitions this replica polls (clustered=true; 0 otherwise): across "
                                    + "the replicas they add up to the partitions option once every one is led")
    public int getPolledPartitionCount() {
        PartitionLeadership led = leadership;
        return led == null ? 0 : led.pollablePartitions().size();
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
