package io.github.camelcec.component.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-blocking HTTP over Apache HttpClient 5's async client: pooled keep-alive connections to the one CEC host, a few
 * I/O threads however many requests are in flight. Bodies are buffered, so a request can be replayed after a token
 * refresh; answers are buffered up to a bound. Host names are verified (HttpClient's {@link DefaultHostnameVerifier});
 * an optional forward proxy is used for every request (HTTPS by CONNECT). Secrets stay out of HttpClient's DEBUG logs:
 * the wire log is off for this client and secret request headers print as {@code ***}.
 */
final class CecHttpTransport implements AutoCloseable {

    static final String CUSTOMER_TOKEN_HEADER = "ccmessaging-token";

    private static final Logger LOG = LoggerFactory.getLogger(CecHttpTransport.class);
    private static final String HEADER_LOG_NAME = "org.apache.hc.client5.http.headers";
    /** HttpClient prints response headers as it parsed them; a request header of ours prints masked. */
    private static final Logger HTTP_CLIENT_HEADER_LOG = LoggerFactory.getLogger(HEADER_LOG_NAME);

    /** JSON around the base64 of the largest file: a download answer may be this much longer than the file's base64. */
    static final long ENVELOPE_BYTES = 64 * 1024;

    private final CloseableHttpAsyncClient client;
    private final HttpHost proxy;
    private final UsernamePasswordCredentials proxyCredentials;
    private final long maxAnswerBytes;
    private final long maxFileSize;

    CecHttpTransport(CecSettings config) {
        this.maxFileSize = config.maxFileSize();
        this.maxAnswerBytes = base64Length(maxFileSize) + ENVELOPE_BYTES;
        PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnections())
                // one CEC host: no need for the strict pool's global lease lock
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setTlsStrategy(tls(config))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.responseTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(config.responseTimeout()))
                        .build())
                // HttpClient's wire log (org.apache.hc.client5.http.wire) would print every byte at DEBUG, the app
                // secret and the tokens among them: this client's sessions are never wrapped in its logging session
                .setIoSessionDecorator(session -> session)
                // retries belong to the client's token logic; a blind retry of a destructive poll could lose messages
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .evictIdleConnections(TimeValue.ofSeconds(30));
        this.proxy = config.proxyHost() == null ? null : new HttpHost(config.proxyHost(), config.proxyPort());
        this.proxyCredentials = proxy == null || config.proxyAuthUsername() == null ? null
                : new UsernamePasswordCredentials(config.proxyAuthUsername(),
                        (config.proxyAuthPassword() == null ? "" : config.proxyAuthPassword()).toCharArray());
        if (proxy != null) {
            // an explicit proxy is used for every host, loopback included
            builder.setProxy(proxy);
        }
        if (proxyCredentials != null) {
            builder.setDefaultCredentialsProvider(CredentialsProviderBuilder.create()
                    .add(new AuthScope(proxy), proxyCredentials).build());
        }
        if (HTTP_CLIENT_HEADER_LOG.isDebugEnabled()) {
            LOG.warn("HttpClient's header log ({}) is at DEBUG: it prints the customer tokens CEC sends in "
                     + "ccmessaging-token response headers. Keep it off in production.", HEADER_LOG_NAME);
        }
        this.client = builder.build();
        this.client.start();
    }

    private static TlsStrategy tls(CecSettings config) {
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create()
                // HttpClient's verifier after the handshake: its failure names the host and the certificate's names
                .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                .setHostnameVerifier(new DefaultHostnameVerifier());
        if (config.sslContext() != null) {
            tls.setSslContext(config.sslContext());
        } else {
            tls.useSystemProperties();
        }
        return tls.buildAsync();
    }

    /** The length of the base64 text of {@code bytes} bytes. */
    static long base64Length(long bytes) {
        return 4 * ((bytes + 2) / 3);
    }

    /** Sends the request of {@code operation}; a failure without an HTTP answer is a {@link CecException}. */
    CompletableFuture<WireAnswer> execute(String operation, SimpleHttpRequest request) {
        CompletableFuture<WireAnswer> answer = new CompletableFuture<>();
        String host = request.getAuthority() == null ? String.valueOf(request.getRequestUri())
                : request.getAuthority().toString();
        client.execute(SimpleRequestProducer.create(request), new BoundedResponseConsumer(maxAnswerBytes), context(),
                new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                try {
                    Header rotated = response.getFirstHeader(CUSTOMER_TOKEN_HEADER);
                    answer.complete(new WireAnswer(response.getCode(), rotated == null ? null : rotated.getValue(),
                            body(operation, host, response)));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }

            @Override
            public void failed(Exception ex) {
                answer.completeExceptionally(failure(operation, host, ex));
            }

            @Override
            public void cancelled() {
                answer.cancel(false);
            }
        });
        return answer;
    }

    /**
     * With proxy credentials, the proxy is answered preemptively (Basic): a CONNECT carries them at once, and a refusal
     * comes back as the proxy's 407 rather than as a second challenge round.
     */
    private HttpClientContext context() {
        HttpClientContext context = HttpClientContext.create();
        if (proxyCredentials != null) {
            BasicScheme basic = new BasicScheme();
            basic.initPreemptive(proxyCredentials);
            BasicAuthCache cache = new BasicAuthCache();
            cache.put(proxy, basic);
            context.setAuthCache(cache);
        }
        return context;
    }

    private CecException failure(String operation, String host, Exception ex) {
        if (TransportFailures.has(ex, ResponseTooLargeException.class)) {
            return tooLarge(operation, host);
        }
        return new CecTransportException(operation, TransportFailures.describe(ex, host), ex);
    }

    private CecTooLargeException tooLarge(String operation, String host) {
        return new CecTooLargeException(operation, "CEC " + operation + " answer from " + host + " is larger than "
                                                   + maxAnswerBytes + " bytes (a file of at most maxUploadSize="
                                                   + maxFileSize + " bytes); it was not read", maxFileSize);
    }

    /** ref §16: createcall answers gzip whether asked or not; decompress whatever arrives compressed, within the bound. */
    private byte[] body(String operation, String host, SimpleHttpResponse response) {
        byte[] bytes = response.getBodyBytes();
        if (bytes == null) {
            return new byte[0];
        }
        boolean gzipMagic = bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        if (!gzipMagic) {
            return bytes;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] inflated = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxAnswerBytes + 1));
            if (inflated.length > maxAnswerBytes) {
                throw tooLarge(operation, host);
            }
            return inflated;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not decompress a gzip response", e);
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
