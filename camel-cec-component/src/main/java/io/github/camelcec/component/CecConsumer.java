package io.github.camelcec.component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.client.CecClient;
import io.github.camelcec.component.consumer.CecPollException;
import io.github.camelcec.component.consumer.CustomerPollState;
import io.github.camelcec.component.consumer.InMemoryPendingMessageStore;
import io.github.camelcec.component.consumer.PendingMessageStore;
import io.github.camelcec.component.consumer.PollRound;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.model.DownloadFileRequest;
import io.github.camelcec.component.model.PollResponse;
import io.github.camelcec.component.session.SessionRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("cec:poll")}: polls every customer with a live session (or only {@code receiverId}) and turns each
 * downlink message into one exchange.
 * <p>
 * ref §5: CEC's poll is destructive, so a fetched message is held in the {@link PendingMessageStore} until its
 * exchange completed (camel-aws2-sqs's {@link Synchronization} pattern); a failed exchange is delivered again, before
 * any newer message of that customer, at a later tick. Polls run on the client's non-blocking I/O, at most
 * {@code maxConcurrentPolls} at once and never two for one customer; deliveries run on a small worker pool, one chain
 * per customer so order holds.
 */
public class CecConsumer extends ScheduledPollConsumer implements ShutdownAware {

    private static final Logger LOG = LoggerFactory.getLogger(CecConsumer.class);

    private final CecEndpoint endpoint;
    private final CecConfiguration config;
    private final Map<String, CustomerPollState> states = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<CustomerPollState> due = new ConcurrentLinkedQueue<>();
    private final PollRound round = new PollRound();
    private final AtomicInteger delivered = new AtomicInteger();

    private CecClient client;
    private SessionRegistry registry;
    private PendingMessageStore pending;
    private IdempotentRepository idempotentRepository;
    private Semaphore pollPermits;
    private ExecutorService workers;
    private int flowControlStreak;
    private volatile boolean shuttingDown;
    /** Flow control: no poll starts before this time (epoch ms). */
    private volatile long pausedUntil;

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
        client = endpoint.getClient();
        registry = endpoint.getComponent().getSessionRegistry();
        pending = config.getPendingMessageStore() != null
                ? config.getPendingMessageStore() : new InMemoryPendingMessageStore();
        idempotentRepository = config.getIdempotentRepository() != null
                ? config.getIdempotentRepository()
                : MemoryIdempotentRepository.memoryIdempotentRepository(config.getIdempotentCacheSize());
        ServiceHelper.startService(idempotentRepository);
        pollPermits = new Semaphore(config.getMaxConcurrentPolls());
        workers = endpoint.getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "CecConsumer[" + endpoint.getOperation() + "]", config.getConsumerThreads());
        if (config.getReceiverId() == null) {
            endpoint.getComponent().claimSessionPolling(this);
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        endpoint.getComponent().releaseSessionPolling(this);
        if (workers != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownGraceful(workers);
            workers = null;
        }
        ServiceHelper.stopService(idempotentRepository);
    }

    /**
     * One tick: report how the previous round went, then mark the customers that are due and start their polls. A
     * round in which every poll failed is thrown, so Camel's backoff options and the health check react to it.
     */
    @Override
    protected int poll() throws Exception {
        PollRound.Outcome previous = round.close();
        long now = System.currentTimeMillis();
        Collection<Customer> customers = customers();
        for (Customer customer : customers) {
            CustomerPollState state = states.computeIfAbsent(customer.userId(),
                    id -> new CustomerPollState(customer, registry.lastActivity(id)));
            if (state.busy) {
                continue;
            }
            if (endedByIdleTimeout(state, now)) {
                continue;
            }
            if (state.schedule(registry.lastActivity(customer.userId()))) {
                state.busy = true;
                due.add(state);
            }
        }
        if (config.getReceiverId() == null && states.size() > customers.size()) {
            states.values().removeIf(s -> !s.busy && !registry.isActive(s.userId()));
        }
        pump();
        int count = delivered.getAndSet(0);
        if (previous.allFailed()) {
            CecPollException failure = new CecPollException("All " + previous.failed() + " CEC polls of the last round "
                                                             + "failed: " + previous.lastError().getMessage(),
                    previous.lastError());
            if (failure.isFlowControl()) {
                // ref §17: flow control asks the client to back off; pause every poll, longer while it persists
                flowControlStreak = Math.min(flowControlStreak + 1, 6);
                pausedUntil = now + config.getFlowControlDelay() * (1L << (flowControlStreak - 1));
            }
            throw failure;
        }
        if (previous.succeeded() > 0) {
            flowControlStreak = 0;
        }
        return count;
    }

    /** The customers of this consumer: the one receiverId, or every registered session. */
    private Collection<Customer> customers() {
        if (config.getReceiverId() != null) {
            return List.of(Customer.of(config.getReceiverId(), config.getUserName()));
        }
        return registry.customers();
    }

    private boolean endedByIdleTimeout(CustomerPollState state, long now) {
        if (config.getReceiverId() != null || config.getSessionIdleTimeout() <= 0 || pending.hasPending(state.userId())) {
            return false;
        }
        long last = registry.lastActivity(state.userId());
        if (last >= 0 && now - last > config.getSessionIdleTimeout()) {
            endSession(state);
            return true;
        }
        return false;
    }

    /** Starts polls while permits last; called by the tick and by every finished poll. */
    private void pump() {
        while (!due.isEmpty() && !shuttingDown && System.currentTimeMillis() >= pausedUntil
               && pollPermits.tryAcquire()) {
            CustomerPollState state = due.poll();
            if (state == null) {
                pollPermits.release();
                return;
            }
            if (pending.hasPending(state.userId())) {
                // held messages go first: deliver them again before fetching newer ones
                pollPermits.release();
                workers.execute(() -> deliverNext(state));
                continue;
            }
            CompletableFuture<PollResponse> polled;
            try {
                polled = client.pollAsync(state.customer());
            } catch (RuntimeException e) {
                polled = CompletableFuture.failedFuture(e);
            }
            polled.whenComplete((response, error) -> {
                pollPermits.release();
                onPolled(state, response, error);
                pump();
            });
        }
    }

    private void onPolled(CustomerPollState state, PollResponse response, Throwable error) {
        Throwable failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (failure == null && !response.isSuccess()) {
            failure = new CecBusinessException("poll", response, 200);
        }
        if (failure != null) {
            round.failed(failure);
            state.retryNextTick();
            state.busy = false;
            return;
        }
        round.succeeded();
        List<DownlinkMessage> fresh = new ArrayList<>(response.getDownlinkMessages().size());
        for (DownlinkMessage message : response.getDownlinkMessages()) {
            // product.md §2: duplicates are dropped by messageCode
            if (message.getMessageCode() == null || idempotentRepository.add(message.getMessageCode())) {
                fresh.add(message);
            }
        }
        if (fresh.isEmpty()) {
            state.idle(config.getSlowDownAfterEmptyPolls(), maxIntervalTicks());
            state.busy = false;
            return;
        }
        registry.touch(state.userId());
        state.lively();
        pending.append(state.userId(), fresh);
        workers.execute(() -> deliverNext(state));
    }

    /** Delivers the customer's oldest held message; its completion delivers the next one. */
    private void deliverNext(CustomerPollState state) {
        DownlinkMessage message = pending.peek(state.userId());
        if (message == null) {
            state.delivered();
            if (state.ended) {
                endSession(state);
            }
            state.busy = false;
            return;
        }
        if (config.isDownloadMedia() && isMedia(message)) {
            DownloadFileRequest download = new DownloadFileRequest();
            download.setFileId(message.getContent());
            download.setFileType(mediaFileType(message.getMediaType()));
            client.downloadAsync(state.customer(), download).whenComplete((file, error) -> {
                if (error != null || !file.isSuccess()) {
                    Throwable cause = error != null ? error : new CecBusinessException("download", file, 200);
                    getExceptionHandler().handleException("Could not download media " + message.getContent()
                                                          + " for " + state.userId() + "; will try again", cause);
                    deliveryFailed(state);
                    return;
                }
                workers.execute(() -> deliver(state, message, file.getBytes(), download.getFileType()));
            });
            return;
        }
        deliver(state, message, null, null);
    }

    private void deliver(CustomerPollState state, DownlinkMessage message, byte[] media, String mediaFileType) {
        Exchange exchange = createExchange(true);
        Message in = exchange.getMessage();
        in.setBody(message);
        in.setHeader(CecConstants.USER_ID, state.userId());
        in.setHeader(CecConstants.SOURCE_TYPE, message.getSourceType());
        in.setHeader(CecConstants.CONTROL_TYPE, message.getControlType());
        in.setHeader(CecConstants.MEDIA_TYPE, message.getMediaType());
        in.setHeader(CecConstants.MESSAGE_CODE, message.getMessageCode());
        in.setHeader(CecConstants.CALL_ID, message.getCallId());
        in.setHeader(CecConstants.TIMESTAMP, message.getTimestamp());
        if (media != null) {
            in.setHeader(CecConstants.MEDIA_CONTENT, media);
            in.setHeader(CecConstants.FILE_TYPE, mediaFileType);
        }
        exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
            @Override
            public void onComplete(Exchange done) {
                pending.removeHead(state.userId(), message);
                delivered.incrementAndGet();
                if ("DISCONNECT".equalsIgnoreCase(message.getControlType()) && config.getReceiverId() == null) {
                    state.ended = true;
                }
                state.failedDeliveries = 0;
                workers.execute(() -> deliverNext(state));
            }

            @Override
            public void onFailure(Exchange failed) {
                // the message stays at the head of the customer's queue and is delivered again first; the route's
                // error handler has already logged the cause with its stack trace
                LOG.warn("Delivery of CEC message {} for {} failed ({}); it is held and will be delivered again",
                        message.getMessageCode(), state.userId(), failed.getException());
                deliveryFailed(state);
            }
        });
        getAsyncProcessor().process(exchange, doneSync -> {
        });
    }

    /** Graceful shutdown: no new polls, but what was fetched is still delivered (ref §5: it exists nowhere else). */
    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        shuttingDown = !suspendOnly;
    }

    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return false;
    }

    /** Messages held plus polls whose answer is still coming: Camel's shutdown waits for them. */
    @Override
    public int getPendingExchangesSize() {
        int pollsInFlight = pollPermits == null ? 0 : config.getMaxConcurrentPolls() - pollPermits.availablePermits();
        return getPendingMessageCount() + pollsInFlight;
    }

    @Override
    protected void doResume() throws Exception {
        shuttingDown = false;
        super.doResume();
    }

    private void deliveryFailed(CustomerPollState state) {
        state.deliveryFailed(maxIntervalTicks());
        state.busy = false;
    }

    private void endSession(CustomerPollState state) {
        registry.remove(state.userId());
        states.remove(state.userId());
        client.customerTokens().forget(state.userId());
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

    /** ref §9: download needs a file type the downlink message does not carry; the usual one per media type. */
    private static String mediaFileType(String mediaType) {
        return switch (mediaType.toUpperCase(Locale.ROOT)) {
            case "IMAGE" -> "jpg";
            case "AUDIO" -> "mp3";
            default -> "mp4";
        };
    }

    /** Customers polled by this consumer right now (for monitoring and tests). */
    public int getPolledCustomerCount() {
        return states.size();
    }

    /** Messages fetched and not yet delivered. */
    public int getPendingMessageCount() {
        return pending == null ? 0 : pending.size();
    }
}
