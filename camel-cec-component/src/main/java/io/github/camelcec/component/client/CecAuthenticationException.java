package io.github.camelcec.component.client;

/**
 * A credential was refused even after one refresh, or a token could not be obtained. Permanent for 401/403 (the
 * component has already refreshed and replayed once); a token request that met a 5xx or 429 is transient.
 */
public class CecAuthenticationException extends CecHttpException {

    public CecAuthenticationException(String operation, int statusCode, String responseBody) {
        super(operation, statusCode, responseBody);
    }
}
