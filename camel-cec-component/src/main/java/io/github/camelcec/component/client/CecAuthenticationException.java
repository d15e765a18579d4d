package io.github.camelcec.component.client;

/** A credential was refused even after one refresh, or a token could not be obtained. */
public class CecAuthenticationException extends CecHttpException {

    public CecAuthenticationException(String operation, int statusCode, String responseBody) {
        super(operation, statusCode, responseBody);
    }
}
