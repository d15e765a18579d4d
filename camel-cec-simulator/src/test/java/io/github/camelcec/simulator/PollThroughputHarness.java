package io.github.camelcec.simulator;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Measures empty-queue polls per second against an embedded simulator: {@code users} customers connect (and their
 * greeting is drained), then {@code connections} keep-alive Netty client connections poll them round-robin, one request
 * in flight per connection, for {@code seconds}. Not a test: run it by hand (see docs/simulator.md).
 * <p>
 * Arguments: {@code [connections=64] [users=10000] [seconds=10] [warmupSeconds=3]}.
 */
public final class PollThroughputHarness {

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        try (CecSimulator sim = CecSimulator.builder().journalCapacity(1000).build().start()) {
            SimClient setup = new SimClient(sim).login();
            String[] tokens = new String[users];
            IntStream.range(0, users).parallel().forEach(i -> {
                tokens[i] = setup.applyToken("user" + i);
                setup.send(tokens[i], "user" + i, "CONNECT", "");
                setup.poll(tokens[i], "user" + i);
            });
            System.out.printf("%d live sessions, %d connections, %d s warm-up, %d s measured%n",
                    sim.liveSessionCount(), connections, warmup, seconds);

            LongAdder polls = new LongAdder();
            LongAdder failures = new LongAdder();
            AtomicBoolean running = new AtomicBoolean(true);
            EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
            try {
                Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                        .option(ChannelOption.TCP_NODELAY, true);
                List<Channel> channels = new ArrayList<>();
                for (int c = 0; c < connections; c++) {
                    int first = c;
                    bootstrap.handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                                    new Poller(sim, setup.gatewayToken, tokens, first, connections, polls, failures, running));
                        }
                    });
                    channels.add(bootstrap.connect("127.0.0.1", sim.port()).sync().channel());
                }
                Thread.sleep(warmup * 1000L);
                long before = polls.sum();
                long start = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                long count = polls.sum() - before;
                double elapsed = (System.nanoTime() - start) / 1e9;
                running.set(false);
                System.out.printf("%d empty polls in %.2f s = %.0f polls/s (%d non-200 answers)%n",
                        count, elapsed, count / elapsed, failures.sum());
                channels.forEach(Channel::close);
            } finally {
                group.shutdownGracefully().sync();
            }
        }
    }

    /** One connection: sends the next poll as soon as the previous answer arrived. */
    private static final class Poller extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final CecSimulator sim;
        private final String gatewayToken;
        private final String[] tokens;
        private final int step;
        private final LongAdder polls;
        private final LongAdder failures;
        private final AtomicBoolean running;
        private int next;

        Poller(CecSimulator sim, String gatewayToken, String[] tokens, int first, int step, LongAdder polls,
               LongAdder failures, AtomicBoolean running) {
            this.sim = sim;
            this.gatewayToken = gatewayToken;
            this.tokens = tokens;
            this.next = first;
            this.step = step;
            this.polls = polls;
            this.failures = failures;
            this.running = running;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            send(ctx);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            if (response.status().code() == 200) {
                polls.increment();
            } else {
                failures.increment();
            }
            if (running.get()) {
                send(ctx);
            }
        }

        private void send(ChannelHandlerContext ctx) {
            int user = next % tokens.length;
            next += step;
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                    "/apiaccess/ccmessaging/poll?receiverId=user" + user + "&channel=WEB");
            request.headers()
                    .set(HttpHeaderNames.HOST, "127.0.0.1:" + sim.port())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
                    .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + gatewayToken)
                    .set("x-app-key", sim.appKey())
                    .set("ccmessaging-token", tokens[user]);
            ctx.writeAndFlush(request);
        }
    }
}
