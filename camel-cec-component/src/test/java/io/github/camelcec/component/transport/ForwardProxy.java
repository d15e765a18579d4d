package io.github.camelcec.component.transport;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.codec.http.HttpRequest;
import org.littleshoot.proxy.HttpFilters;
import org.littleshoot.proxy.HttpFiltersAdapter;
import org.littleshoot.proxy.HttpFiltersSourceAdapter;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.HttpProxyServerBootstrap;
import org.littleshoot.proxy.ProxyAuthenticator;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;

/**
 * A real forward proxy in the test's JVM (LittleProxy): plain HTTP and CONNECT, optionally Basic proxy authentication,
 * on a random loopback port. It records the request line of every request it forwarded.
 */
final class ForwardProxy implements AutoCloseable {

    private final HttpProxyServer server;
    private final List<String> forwarded = new CopyOnWriteArrayList<>();

    private ForwardProxy(String user, String password) {
        HttpProxyServerBootstrap bootstrap = DefaultHttpProxyServer.bootstrap()
                .withAddress(new InetSocketAddress("127.0.0.1", 0))
                .withFiltersSource(new HttpFiltersSourceAdapter() {
                    @Override
                    public HttpFilters filterRequest(HttpRequest request) {
                        forwarded.add(request.method() + " " + request.uri());
                        return new HttpFiltersAdapter(request);
                    }
                });
        if (user != null) {
            bootstrap.withProxyAuthenticator(new ProxyAuthenticator() {
                @Override
                public boolean authenticate(String u, String p) {
                    return user.equals(u) && password.equals(p);
                }

                @Override
                public String getRealm() {
                    return "test-proxy";
                }
            });
        }
        this.server = bootstrap.start();
    }

    static ForwardProxy open() {
        return new ForwardProxy(null, null);
    }

    static ForwardProxy requiring(String user, String password) {
        return new ForwardProxy(user, password);
    }

    int port() {
        return server.getListenAddress().getPort();
    }

    /** The request lines the proxy forwarded ({@code POST http://...} or {@code CONNECT host:port}), in order. */
    List<String> forwarded() {
        return List.copyOf(forwarded);
    }

    @Override
    public void close() {
        server.abort();
    }
}
