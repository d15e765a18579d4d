package io.github.camelcec.component.auth;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.github.camelcec.component.client.CecApi;
import io.github.camelcec.component.client.CecAuthenticationException;
import io.github.camelcec.component.client.CecWire;
import io.github.camelcec.component.client.RequestDefaults;
import io.github.camelcec.component.client.WireAnswer;
import io.github.camelcec.component.client.WireRequest;
import io.github.camelcec.component.model.ApplyTokenRequest;
import io.github.camelcec.component.model.ApplyTokenResponse;
import io.github.camelcec.component.model.Customer;
import io.github.camelcec.component.state.CustomerToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a 401 and a 403 are handled (camel-salesforce's {@code SalesforceSecurityHandler} shape): attaches the gateway
 * token and, for operations made for a customer, the customer's token; adopts a rotated customer token at once; after
 * an HTTP 401 applies for the customer token again (or, for an operation without one, refreshes the gateway token),
 * after an HTTP 403 refreshes the gateway token (cec-api §5), and replays the buffered request once.
 */
public final class AuthenticatedCaller {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticatedCaller.class);

    private final CecWire wire;
    private final GatewayTokenManager gatewayTokens;
    private final CustomerTokenManager customerTokens;
    private final Supplier<CompletableFuture<GatewayToken>> fetchGatewayToken;
    private final BiFunction<String, String, CompletableFuture<String>> applyForToken = this::applyForToken;
    private final TokenRequests tokenRequests;

    /**
     * @param tokens        the app's tokens, shared with every caller of the same app; this caller fetches and applies
     *                      over its own wire, with its own locale
     * @param tokenRequests told of every token request this caller sends
     */
    public AuthenticatedCaller(CecWire wire, AppTokens tokens, TokenRequests tokenRequests) {
        this.wire = wire;
        this.gatewayTokens = tokens.gateway();
        this.customerTokens = tokens.customers();
        this.tokenRequests = tokenRequests;
        GatewayTokenClient client = new GatewayTokenClient(wire);
        this.fetchGatewayToken = () -> {
            tokenRequests.gatewayTokenRequested();
            return client.fetch();
        };
    }

    /** The customer tokens, e.g. to forget a customer whose session ended. */
    public CustomerTokenManager customerTokens() {
        return customerTokens;
    }

    /** Completes when the app's credentials are good; costs no request while a gateway token is cached. */
    public CompletableFuture<Void> verifyGatewayAccess() {
        return gatewayTokens.token(fetchGatewayToken).thenApply(t -> null);
    }

    /** Sends the request with the credentials its operation needs, replaying it once after a refused token. */
    public CompletableFuture<WireAnswer> call(WireRequest request, Customer customer) {
        return attempt(request, customer, true);
    }

    /**
     * ref §3: an explicit applyToken; the token issued is kept for later calls. A refusal (resultCode 1) is a
     * {@link CecAuthenticationException}, or the returned response when the settings return business failures.
     */
    public CompletableFuture<ApplyTokenResponse> applyToken(Customer customer) {
        return requestToken(customer).thenApply(response -> {
            if (response.isSuccess() || wire.settings().failOnBusinessError()) {
                customerTokens.adoptApplied(customer.userId(), tokenOf(response));
            }
            return response;
        });
    }

    private CompletableFuture<String> applyForToken(String userId, String userName) {
        return requestToken(Customer.of(userId, userName)).thenApply(AuthenticatedCaller::tokenOf);
    }

    private CompletableFuture<ApplyTokenResponse> requestToken(Customer customer) {
        ApplyTokenRequest request = new ApplyTokenRequest();
        RequestDefaults.fill(request, customer, wire.settings());
        CecApi.APPLY_TOKEN.validate(request);
        tokenRequests.customerTokenRequested();
        return call(wire.encode(CecApi.APPLY_TOKEN, request), null)
                .thenApply(answer -> wire.interpret(CecApi.APPLY_TOKEN, answer));
    }

    private static String tokenOf(ApplyTokenResponse response) {
        // ref §3.1.2: resultCode 1 is a failure even when business failures are returned rather than thrown
        if (!response.isSuccess() || response.getToken() == null || response.getToken().isBlank()) {
            throw new CecAuthenticationException("applyToken", 200,
                    "no token issued: resultCode=" + response.getResultCode() + ", resultDesc=" + response.getResultDesc());
        }
        return response.getToken();
    }

    private CompletableFuture<WireAnswer> attempt(WireRequest request, Customer customer, boolean mayReplay) {
        CompletableFuture<GatewayToken> gateway = gatewayTokens.token(fetchGatewayToken);
        CompletableFuture<CustomerToken> customerToken = request.api().usesCustomerToken()
                ? customerTokens.token(customer.userId(), customer.userName(), applyForToken)
                : CompletableFuture.completedFuture(null);
        if (ready(gateway) && ready(customerToken)) {
            // the usual case: both tokens cached, no stages to wait on
            return exchange(request, customer, mayReplay, gateway.join(), customerToken.join());
        }
        return gateway.thenCompose(g -> customerToken.thenCompose(
                c -> exchange(request, customer, mayReplay, g, c)));
    }

    private CompletableFuture<WireAnswer> exchange(WireRequest request, Customer customer, boolean mayReplay,
                                                   GatewayToken gateway, CustomerToken customerToken) {
        return wire.send(request, gateway.value(), customerToken == null ? null : customerToken.value())
                .thenCompose(answer -> {
                    LOG.debug("{} answered HTTP {}", request.api(), answer.status());
                    if (customerToken != null) {
                        customerTokens.adoptRotated(customer.userId(), customerToken, answer.rotatedToken());
                    }
                    if (mayReplay && answer.status() == 401) {
                        // ref §3.1.2: a 401 means apply for the customer token again; without one, the gateway token
                        // is the credential the server refused
                        CompletableFuture<?> refreshed = customerToken != null
                                ? customerTokens.invalidate(customer.userId(), customer.userName(), customerToken,
                                        applyForToken)
                                : gatewayTokens.invalidate(gateway, fetchGatewayToken);
                        return refreshed.thenCompose(x -> attempt(request, customer, false));
                    }
                    if (mayReplay && answer.status() == 403) {
                        // cec-api §5: an expired gateway token answers 403
                        return gatewayTokens.invalidate(gateway, fetchGatewayToken)
                                .thenCompose(x -> attempt(request, customer, false));
                    }
                    return CompletableFuture.completedFuture(answer);
                });
    }

    private static boolean ready(CompletableFuture<?> future) {
        return future.isDone() && !future.isCompletedExceptionally();
    }
}
