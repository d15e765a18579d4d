package io.github.camelcec.component.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;


/**
 * How to reach CEC and act as one app: address, credentials, channel, token lifetimes, transport. Immutable, built with
 * {@link #builder()}; equal settings may share one connection. {@code toString} masks the secrets.
 */
public final class CecSettings {

    /** CEC publishes no file size limit (ref §8, §9); 10 MiB is ours. */
    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;

    private final URI baseUrl;
    private final String appKey;
    private final String appSecret;
    private final String channelConfigId;
    private final String channel;
    private final String locale;
    private final Duration gatewayTokenTtl;
    private final Duration customerTokenTtl;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxConnections;
    private final SSLContext sslContext;
    private final String proxyHost;
    private final int proxyPort;
    private final String proxyAuthUsername;
    private final String proxyAuthPassword;
    private final long maxFileSize;
    private final boolean failOnBusinessError;
    private final String acceptLanguage;
    private final String clientId;
    private final Map<String, String> paths;
    private final Clock clock;

    private CecSettings(Builder b) {
        this.baseUrl = checkBaseUrl(b.baseUrl, b.allowInsecureHttp);
        this.appKey = require("appKey", b.appKey);
        this.appSecret = require("appSecret", b.appSecret);
        this.channelConfigId = require("channelConfigId", b.channelConfigId);
        this.channel = require("channel", b.channel);
        this.locale = require("locale", b.locale);
        this.gatewayTokenTtl = b.gatewayTokenTtl;
        long ttl = gatewayTokenTtl.toSeconds();
        if (ttl < 1 || ttl > 3600) {
            // cec-api §5: X-Token-Expire is at most 3600 seconds
            throw new CecValidationException("configuration", "gatewayTokenTtl", "must be from 1 to 3600 seconds", ttl);
        }
        this.customerTokenTtl = b.customerTokenTtl;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxConnections = b.maxConnections;
        this.sslContext = b.sslContext;
        this.proxyHost = b.proxyHost == null || b.proxyHost.isBlank() ? null : b.proxyHost.trim();
        if (proxyHost != null && (b.proxyPort < 1 || b.proxyPort > 65535)) {
            throw new CecValidationException("configuration", "proxyPort", "must be from 1 to 65535 when proxyHost is set",
                    b.proxyPort);
        }
        this.proxyPort = b.proxyPort;
        if (b.proxyAuthUsername != null && !b.proxyAuthUsername.isEmpty() && proxyHost == null) {
            throw new CecValidationException("configuration", "proxyHost", "is required when proxyAuthUsername is set",
                    null);
        }
        this.proxyAuthUsername = b.proxyAuthUsername == null || b.proxyAuthUsername.isEmpty() ? null : b.proxyAuthUsername;
        this.proxyAuthPassword = b.proxyAuthPassword;
        if (b.maxFileSize < 1) {
            throw new CecValidationException("configuration", "maxUploadSize", "must be at least 1 byte", b.maxFileSize);
        }
        this.maxFileSize = b.maxFileSize;
        this.failOnBusinessError = b.failOnBusinessError;
        this.acceptLanguage = b.acceptLanguage;
        this.clientId = b.clientId;
        this.paths = Map.copyOf(b.paths);
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String appKey() {
        return appKey;
    }

    /** Only for the token request; never logged. */
    public String appSecret() {
        return appSecret;
    }

    public String channelConfigId() {
        return channelConfigId;
    }

    public String channel() {
        return channel;
    }

    public String locale() {
        return locale;
    }

    public Duration gatewayTokenTtl() {
        return gatewayTokenTtl;
    }

    public Duration customerTokenTtl() {
        return customerTokenTtl;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    /** The forward proxy every request goes through (HTTPS by CONNECT), or null for a direct connection. */
    public String proxyHost() {
        return proxyHost;
    }

    public int proxyPort() {
        return proxyPort;
    }

    /** The user for the proxy's Basic authentication, or null when the proxy needs none. */
    public String proxyAuthUsername() {
        return proxyAuthUsername;
    }

    /** Only for the proxy's authentication; never logged. */
    public String proxyAuthPassword() {
        return proxyAuthPassword;
    }

    /** The largest file, in bytes, sent (upload) or accepted (download); CEC publishes no limit, this one is ours. */
    public long maxFileSize() {
        return maxFileSize;
    }

    public boolean failOnBusinessError() {
        return failOnBusinessError;
    }

    public String acceptLanguage() {
        return acceptLanguage;
    }

    /** This replica's name, sent as {@value CecWire#CLIENT_ID_HEADER} on every request; null: not sent. */
    public String clientId() {
        return clientId;
    }

    public String path(CecApi<?, ?> api) {
        return paths.getOrDefault(api.name(), api.defaultPath());
    }

    public Clock clock() {
        return clock;
    }

    /** Equal settings act as the same app on the same transport; the TLS context compares by identity. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CecSettings s && baseUrl.equals(s.baseUrl) && appKey.equals(s.appKey)
               && appSecret.equals(s.appSecret) && channelConfigId.equals(s.channelConfigId)
               && channel.equals(s.channel) && locale.equals(s.locale) && gatewayTokenTtl.equals(s.gatewayTokenTtl)
               && customerTokenTtl.equals(s.customerTokenTtl) && connectTimeout.equals(s.connectTimeout)
               && responseTimeout.equals(s.responseTimeout) && maxConnections == s.maxConnections
               && sslContext == s.sslContext && Objects.equals(proxyHost, s.proxyHost) && proxyPort == s.proxyPort
               && Objects.equals(proxyAuthUsername, s.proxyAuthUsername)
               && Objects.equals(proxyAuthPassword, s.proxyAuthPassword) && maxFileSize == s.maxFileSize
               && failOnBusinessError == s.failOnBusinessError
               && Objects.equals(acceptLanguage, s.acceptLanguage) && Objects.equals(clientId, s.clientId) && paths.equals(s.paths) && clock.equals(s.clock);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseUrl, appKey, channelConfigId, channel, locale, gatewayTokenTtl);
    }

    @Override
    public String toString() {
        return "CecSettings[baseUrl=" + baseUrl + ", appKey=***, appSecret=***, channelConfigId="
               + channelConfigId + ", channel=" + channel + ", locale=" + locale
               + (proxyHost == null ? "" : ", proxy=" + proxyHost + ":" + proxyPort)
               + (proxyAuthUsername == null ? "" : ", proxyAuthUsername=" + proxyAuthUsername + ", proxyAuthPassword=***")
               + ", maxFileSize=" + maxFileSize + "]";
    }

    private static String require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new CecValidationException("configuration", name, "is required", value);
        }
        return value;
    }

    /** cec-api §1: HTTPS is expected; plain HTTP only to this machine unless the user opted in. */
    private static URI checkBaseUrl(String baseUrl, boolean allowInsecureHttp) {
        require("baseUrl", baseUrl);
        URI uri;
        try {
            uri = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        } catch (IllegalArgumentException e) {
            throw new CecValidationException("configuration", "baseUrl", "must be an absolute http(s) URL", baseUrl);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new CecValidationException("configuration", "baseUrl", "must be an absolute http(s) URL", baseUrl);
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            throw new CecValidationException("configuration", "baseUrl",
                    "must use https for a host other than loopback (set allowInsecureHttp to override)", baseUrl);
        }
        return uri;
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // only literals: a name is never resolved here, so DNS cannot turn a remote host into "loopback"
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Builder with the defaults of product.md §1. */
    public static final class Builder {
        private String baseUrl;
        private String appKey;
        private String appSecret;
        private String channelConfigId;
        private String channel = "WEB";
        private String locale = "en";
        private Duration gatewayTokenTtl = Duration.ofSeconds(600);
        private Duration customerTokenTtl = Duration.ofHours(1);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private int maxConnections = 200;
        private SSLContext sslContext;
        private String proxyHost;
        private int proxyPort;
        private String proxyAuthUsername;
        private String proxyAuthPassword;
        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
        private boolean allowInsecureHttp;
        private boolean failOnBusinessError = true;
        private String acceptLanguage;
        private String clientId;
        private final Map<String, String> paths = new HashMap<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** e.g. {@code https://service.example.com}; the client appends {@code /apiaccess/...}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder appKey(String appKey) {
            this.appKey = appKey;
            return this;
        }

        public Builder appSecret(String appSecret) {
            this.appSecret = appSecret;
            return this;
        }

        public Builder channelConfigId(String channelConfigId) {
            this.channelConfigId = channelConfigId;
            return this;
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder locale(String locale) {
            this.locale = locale;
            return this;
        }

        /** The {@code X-Token-Expire} asked for, 1 to 3600 seconds. */
        public Builder gatewayTokenTtl(Duration ttl) {
            this.gatewayTokenTtl = Objects.requireNonNull(ttl);
            return this;
        }

        /** How long the server keeps a customer token (ref §3.1.2: one hour). */
        public Builder customerTokenTtl(Duration ttl) {
            this.customerTokenTtl = Objects.requireNonNull(ttl);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Pooled keep-alive connections to the CEC host. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /** A forward proxy for every request; HTTPS goes through it by CONNECT. */
        public Builder proxy(String host, int port) {
            this.proxyHost = host;
            this.proxyPort = port;
            return this;
        }

        /** Basic authentication at the proxy. */
        public Builder proxyAuth(String username, String password) {
            this.proxyAuthUsername = username;
            this.proxyAuthPassword = password;
            return this;
        }

        /** The largest file sent or accepted, in bytes (default 10 MiB). */
        public Builder maxFileSize(long bytes) {
            this.maxFileSize = bytes;
            return this;
        }

        /** Allow plain {@code http://} to a host other than loopback. */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /** When true (default) a non-zero resultCode raises {@link CecBusinessException}; else it is returned. */
        public Builder failOnBusinessError(boolean fail) {
            this.failOnBusinessError = fail;
            return this;
        }

        /** Optional {@code Accept-Language} ({@code zh_CN} or {@code en_US}). */
        public Builder acceptLanguage(String acceptLanguage) {
            this.acceptLanguage = acceptLanguage;
            return this;
        }

        /** Optional name of this replica, sent as {@value CecWire#CLIENT_ID_HEADER} so replicas can be told apart. */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** cec-api §4.6: override the path of one operation (e.g. a click-to-call path without {@code /v1}). */
        public Builder path(CecApi<?, ?> api, String path) {
            this.paths.put(api.name(), path);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public CecSettings build() {
            return new CecSettings(this);
        }
    }
}
