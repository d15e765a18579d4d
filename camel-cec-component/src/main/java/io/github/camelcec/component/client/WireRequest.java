package io.github.camelcec.component.client;

/**
 * One operation's request in wire form, buffered so that it can be replayed after a token refresh.
 *
 * @param api   the operation
 * @param query {@code ?name=value&...} for a GET operation, else empty
 * @param body  the JSON body, or null
 */
public record WireRequest(CecApi<?, ?> api, String query, byte[] body) {
}
