package io.github.camelcec.component.connection;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import io.github.camelcec.component.auth.AuthenticatedCaller;
import io.github.camelcec.component.auth.CustomerTokenManager;
import io.github.camelcec.component.client.CecApi;
import io.github.camelcec.component.client.CecException;
import io.github.camelcec.component.client.CecSettings;
import io.github.camelcec.component.client.CecTransportException;
import io.github.camelcec.component.client.CecWire;
import io.github.camelcec.component.client.RequestDefaults;
import io.github.camelcec.component.model.ApplyTokenResponse;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.state.PendingMessageStore;
import io.github.camelcec.component.state.SessionStore;
import org.apache.camel.spi.IdempotentRepository;

/**
 * One app's connection to CEC, shared by every endpoint with the same {@link ConnectionSettings} (as camel-salesforce
 * shares one session): the transport, both token layers, the live sessions and the conversation rules. No Camel types:
 * it can be used on its own.
 * <p>
 * Every call fills the request's defaults, validates it against the reference's limits and only then sends it, so bad
 * input never reaches CEC.
 */
public final class CecConnection implements AutoCloseable {

    private final ConnectionSettings settings;
    private final CecWire wire;
    private final AuthenticatedCaller caller;
    private final SessionStore sessions;
    private final Conversation conversation;
    private final PollingClaim pollingClaim;
    private final PendingMessageStore pendingMessages;
    private final IdempotentRepository deliveredCodes;
    private final ConnectionMetrics metrics;
    private volatile boolean closed;

    /** A connection with state and figures of its own. */
    public CecConnection(ConnectionSettings settings) {
        this(settings, new AppState(settings), new ConnectionMetrics());
    }

    /** A connection sharing the app's state with the other connections of the app, counting into {@code metrics}. */
    CecConnection(ConnectionSettings settings, AppState app, ConnectionMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.wire = new CecWire(settings.wire());
        this.caller = new AuthenticatedCaller(wire, app.tokens, metrics);
        this.sessions = app.sessions;
        this.pollingClaim = app.pollingClaim;
        this.pendingMessages = app.pendingMessages;
        this.deliveredCodes = app.deliveredCodes;
        this.conversation = new Conversation(this, sessions, app.connecting, app.reconnectedAt, settings.wire());
    }

    /** A connection with in-memory state, e.g. to use the API without Camel. */
    public static CecConnection open(CecSettings settings) {
        return new CecConnection(ConnectionSettings.of(settings));
    }

    /**
     * Calls one operation for {@code customer} (null for operations made with the app's credentials only). A null
     * request is an empty one; unset wire fields are filled from the settings and the customer.
     */
    public <Q, R extends CecResult> CompletableFuture<R> callAsync(CecApi<Q, R> api, Customer customer, Q request) {
        return guard(api.name(), () -> {
            Q filled = request != null ? request : api.emptyRequest();
            RequestDefaults.fill(filled, customer, settings.wire());
            api.validate(filled);
            return send(api, customer, filled);
        });
    }

    /** {@link #callAsync}, waiting for the answer. */
    public <Q, R extends CecResult> R call(CecApi<Q, R> api, Customer customer, Q request) {
        return await(callAsync(api, customer, request));
    }

    /** ref §3: apply for the customer's token explicitly (normally done on demand); it is kept for later calls. */
    public CompletableFuture<ApplyTokenResponse> applyTokenAsync(Customer customer) {
        return guard("applyToken", () -> caller.applyToken(customer));
    }

    public ApplyTokenResponse applyToken(Customer customer) {
        return await(applyTokenAsync(customer));
    }

    /** Completes when the app's credentials are good; costs no request while a gateway token is cached. */
    public CompletableFuture<Void> verifyGatewayAccess() {
        return guard("tokenByAkSk", caller::verifyGatewayAccess);
    }

    /** A request that is already filled and validated. */
    <Q, R extends CecResult> CompletableFuture<R> send(CecApi<Q, R> api, Customer customer, Q request) {
        metrics.sending(api);
        return caller.call(wire.encode(api, request), customer).thenApply(answer -> wire.interpret(api, answer))
                .whenComplete(metrics::answered);
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** What this connection sent and was told (shared with the other connections of its component). */
    public ConnectionMetrics metrics() {
        return metrics;
    }

    /** The customers' conversations: CONNECT, files, messages and the session rules. */
    public Conversation conversation() {
        return conversation;
    }

    public SessionStore sessions() {
        return sessions;
    }

    /** Where the app's fetched messages are held until their exchange completed (ref §5: the poll is destructive). */
    public PendingMessageStore pendingMessages() {
        return pendingMessages;
    }

    /** The app's delivered message codes when they are kept in the state database; null when in memory. */
    public IdempotentRepository deliveredCodes() {
        return deliveredCodes;
    }

    public CustomerTokenManager customerTokens() {
        return caller.customerTokens();
    }

    /** Who may poll every session of this connection (ref §5: two pollers would split a customer's messages). */
    public PollingClaim pollingClaim() {
        return pollingClaim;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        wire.close();
    }

    @Override
    public String toString() {
        return "CecConnection[" + settings.wire() + "]";
    }

    /** Validation and building run synchronously; their failures reach the caller as a failed future. */
    static <T> CompletableFuture<T> guard(String operation, Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> future;
        try {
            future = work.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return future.handle((value, error) -> {
            if (error == null) {
                return value;
            }
            Throwable cause = unwrap(error);
            throw cause instanceof CecException ce ? ce : new CecTransportException(operation, cause);
        });
    }

    /** The cause behind the future's wrappers. */
    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
