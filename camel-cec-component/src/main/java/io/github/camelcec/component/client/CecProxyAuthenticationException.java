package io.github.camelcec.component.client;

/** The forward proxy answered HTTP 407: it wants credentials, or refused the ones given. */
public class CecProxyAuthenticationException extends CecHttpException {

    public CecProxyAuthenticationException(String operation, String proxy, String username) {
        super(operation, 407, "proxy authentication failed at " + proxy + (username == null
                ? ": the proxy requires credentials; set proxyAuthUsername and proxyAuthPassword"
                : " for user " + username + "; check proxyAuthUsername and proxyAuthPassword"));
    }
}
