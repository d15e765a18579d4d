package io.github.camelcec.simulator.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Copies each aggregated request into an {@link HttpExchange} and hands it to the simulator. */
@ChannelHandler.Sharable
final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

    private final HttpExchangeHandler handler;

    RequestHandler(HttpExchangeHandler handler) {
        this.handler = handler;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
        Map<String, String> headers = new HashMap<>(16);
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        String body = request.content().isReadable() ? request.content().toString(StandardCharsets.UTF_8) : "";
        HttpExchange exchange = new HttpExchange(ctx, HttpUtil.isKeepAlive(request), request.method().name(),
                request.uri(), decoder.path(), decoder.parameters(), headers, body);
        handler.handle(exchange);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing connection after {}", cause.toString());
        ctx.close();
    }
}
