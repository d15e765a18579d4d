package io.github.camelcec.component.auth;

/**
 * Told each time a token is requested from CEC (a gateway token with tokenByAkSk, a customer token with applyToken),
 * so the layer above can count them without the token managers knowing about it.
 */
public interface TokenRequests {

    void gatewayTokenRequested();

    void customerTokenRequested();
}
