package io.github.camelcec.component.client;

import org.apache.hc.core5.http.Header;

/**
 * A request header whose value is a secret (a token, proxy credentials): written to the wire as it is, shown as
 * {@code ***} by {@code toString}, which is what HttpClient's {@code org.apache.hc.client5.http.headers} logger prints.
 */
final class SecretHeader implements Header {

    private final String name;
    private final String value;

    SecretHeader(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getValue() {
        return value;
    }

    @Override
    public boolean isSensitive() {
        return true;
    }

    @Override
    public String toString() {
        return name + ": ***";
    }
}
