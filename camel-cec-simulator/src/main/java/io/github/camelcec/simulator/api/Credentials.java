package io.github.camelcec.simulator.api;

import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CredentialRule;
import io.github.camelcec.simulator.http.HttpExchange;
import io.github.camelcec.simulator.state.Customer;
import io.github.camelcec.simulator.state.CustomerTokens.CustomerToken;
import io.github.camelcec.simulator.state.GatewayTokens.GatewayToken;
import io.github.camelcec.simulator.state.SimulatorState;

import java.time.Instant;

/** The two credential layers (cec-api.md §2): the API gateway's Bearer token and the customer's ccmessaging-token. */
final class Credentials {

    /** The gateway's answer to an expired or unknown token (vendor docs cec_07_0005: HTTP 403, not 401). */
    static final String ILLEGAL_TOKEN_CODE = "APIGW.0307";
    static final String ILLEGAL_TOKEN_MESSAGE = "auth fail! illegal or expired token info";

    /** The outcome of the customer-token check: a failure, or the token's user and a rotated token if one was issued. */
    record CustomerAuth(ApiResponse failure, String userId, String rotatedToken) {
        static final CustomerAuth NONE = new CustomerAuth(null, null, null);
    }

    private final ApiSettings settings;
    private final SimulatorState state;

    Credentials(ApiSettings settings, SimulatorState state) {
        this.settings = settings;
        this.state = state;
    }

    /** Null when the gateway credentials are acceptable for the operation, else the 401/403 to answer. */
    ApiResponse checkGateway(CecOperation op, HttpExchange ex) {
        if (op.gatewayToken() == CredentialRule.NOT_USED) {
            return null;
        }
        String authorization = ex.header("authorization");
        String appKey = ex.header("x-app-key");
        if (authorization == null && appKey == null) {
            return op.gatewayToken() == CredentialRule.REQUIRED
                    ? ApiResponse.error(401, "missing Authorization and x-app-key headers") : null;
        }
        if (authorization == null || appKey == null) {
            return ApiResponse.error(401, authorization == null ? "missing Authorization header" : "missing x-app-key header");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return ApiResponse.error(403, ILLEGAL_TOKEN_CODE, ILLEGAL_TOKEN_MESSAGE);
        }
        GatewayToken token = state.gatewayTokens().valid(authorization.substring(7).trim(), settings.clock().instant());
        if (token == null || !token.appKey().equals(appKey)) {
            return ApiResponse.error(403, ILLEGAL_TOKEN_CODE, ILLEGAL_TOKEN_MESSAGE);
        }
        return null;
    }

    /**
     * Checks the ccmessaging-token. An expired token is still served while its user has a live session: a fresh token
     * is issued for the response header and the old one retired (ref §3.1.2). {@code claimedUserId} is the user the
     * request speaks for (send from, poll receiverId, ...); a token of another user is refused.
     */
    CustomerAuth checkCustomer(CecOperation op, HttpExchange ex, String claimedUserId, boolean forceExpired) {
        if (op.customerToken() == CredentialRule.NOT_USED) {
            return CustomerAuth.NONE;
        }
        String value = ex.header("ccmessaging-token");
        if (Json.blank(value)) {
            return op.customerToken() == CredentialRule.REQUIRED
                    ? failure("missing ccmessaging-token header") : CustomerAuth.NONE;
        }
        CustomerToken token = state.customerTokens().find(value.trim());
        if (token == null) {
            return failure("unknown or retired ccmessaging-token");
        }
        if (claimedUserId != null && !claimedUserId.equals(token.userId())) {
            return failure("ccmessaging-token belongs to another user");
        }
        Instant now = settings.clock().instant();
        if (!forceExpired && !token.expiredAt(now)) {
            return new CustomerAuth(null, token.userId(), null);
        }
        Customer customer = state.customers().find(token.userId());
        if (customer == null || customer.liveSession() == null) {
            return failure("ccmessaging-token expired");
        }
        CustomerToken fresh = state.customerTokens().rotate(token, now.plus(settings.customerTokenTtl()));
        if (fresh == null) {
            return failure("ccmessaging-token was already replaced");
        }
        return new CustomerAuth(null, token.userId(), fresh.value());
    }

    private static CustomerAuth failure(String message) {
        return new CustomerAuth(ApiResponse.error(401, message), null, null);
    }
}
