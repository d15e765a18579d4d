package io.github.camelcec.component.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Non-blocking HTTP over Apache HttpClient 5's async client: pooled keep-alive connections to the one CEC host, a few
 * I/O threads however many requests are in flight. Bodies are buffered, so a request can be replayed after a token
 * refresh.
 */
final class CecHttpTransport implements AutoCloseable {

    static final String CUSTOMER_TOKEN_HEADER = "ccmessaging-token";

    private final CloseableHttpAsyncClient client;

    CecHttpTransport(CecSettings config) {
        var tls = config.sslContext() != null
                ? ClientTlsStrategyBuilder.create().setSslContext(config.sslContext()).buildAsync()
                : ClientTlsStrategyBuilder.create().useSystemProperties().buildAsync();
        PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnections())
                // one CEC host: no need for the strict pool's global lease lock
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setTlsStrategy(tls)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.responseTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(config.responseTimeout()))
                        .build())
                // retries belong to the client's token logic; a blind retry of a destructive poll could lose messages
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        this.client.start();
    }

    CompletableFuture<WireAnswer> execute(SimpleHttpRequest request) {
        CompletableFuture<WireAnswer> answer = new CompletableFuture<>();
        client.execute(request, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                try {
                    Header rotated = response.getFirstHeader(CUSTOMER_TOKEN_HEADER);
                    answer.complete(new WireAnswer(response.getCode(), rotated == null ? null : rotated.getValue(),
                            body(response)));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }

            @Override
            public void failed(Exception ex) {
                answer.completeExceptionally(ex);
            }

            @Override
            public void cancelled() {
                answer.cancel(false);
            }
        });
        return answer;
    }

    /** ref §16: createcall answers gzip whether asked or not; decompress whatever arrives compressed. */
    private static byte[] body(SimpleHttpResponse response) {
        byte[] bytes = response.getBodyBytes();
        if (bytes == null) {
            return new byte[0];
        }
        boolean gzipMagic = bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        if (!gzipMagic) {
            return bytes;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not decompress a gzip response", e);
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
