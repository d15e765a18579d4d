package io.github.camelcec.simulator.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One request, copied out of Netty's buffers so that it can be answered later (latency faults), and the means to
 * answer it exactly once: a response, or a connection reset.
 */
public final class HttpExchange {

    /** The JSON content type of every CEC answer (ref §1.2.2). */
    public static final String JSON = "application/json;charset=UTF-8";

    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private final String method;
    private final String uri;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers;
    private final String body;
    private final long receivedNanos = System.nanoTime();

    HttpExchange(ChannelHandlerContext ctx, boolean keepAlive, String method, String uri, String path,
                 Map<String, List<String>> query, Map<String, String> headers, String body) {
        this.ctx = ctx;
        this.keepAlive = keepAlive;
        this.method = method;
        this.uri = uri;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
    }

    public String method() {
        return method;
    }

    /** The request target as sent (path and query). */
    public String uri() {
        return uri;
    }

    /** The decoded path without the query. */
    public String path() {
        return path;
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Request headers with lower-case names (the last value wins when a header repeats). */
    public Map<String, String> headers() {
        return headers;
    }

    /** A request header, name in lower case. */
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /** The request body as UTF-8 text, "" when there is none. */
    public String body() {
        return body;
    }

    /** {@link System#nanoTime()} when the whole request had arrived. */
    public long receivedNanos() {
        return receivedNanos;
    }

    /** Answers with the given status, headers and body. */
    public void respond(int status, Map<String, String> extraHeaders, String contentType, byte[] content) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(content));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, content.length);
        extraHeaders.forEach(response.headers()::set);
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Closes the connection without an answer; SO_LINGER 0 makes the close a TCP reset. */
    public void reset() {
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        ctx.close();
    }

    /** Runs {@code work} on this connection's event loop after {@code delay}, without blocking it meanwhile. */
    public void later(Duration delay, Runnable work) {
        if (delay.isZero()) {
            work.run();
        } else {
            ctx.executor().schedule(work, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }
}
