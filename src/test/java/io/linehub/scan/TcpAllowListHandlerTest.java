package io.linehub.scan;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.ops.LogThrottle;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The allow-list handler in front of a real Netty server on real sockets, IPv4 and IPv6: a refused address
 * is closed without one byte reaching the handlers behind it, and logged once per minute, not per attempt.
 * (On Linux all of 127.0.0.0/8 is loopback, so a client bound to 127.0.0.2 is "another scanner".)
 */
class TcpAllowListHandlerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final NioEventLoopGroup group = new NioEventLoopGroup(2);
    private final List<String> reached = new CopyOnWriteArrayList<>();
    private final List<LogEvent> logged = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) LogManager.getLogger(TcpAllowListHandler.class);
    private final AbstractAppender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
            logged.add(event.toImmutable());
        }
    };
    private Channel server;

    /** Stands in for the scan pipeline: records every connection and byte that gets past the allow-list. */
    private final class Pipeline extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            reached.add("connect " + ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            reached.add(buf.toString(StandardCharsets.UTF_8));
            buf.release();
        }
    }

    private int serve(String allow) throws InterruptedException {
        TcpAllowListHandler handler = new TcpAllowListHandler(TcpAllowList.parse(allow, List.of()),
                LogThrottle.perMinute());
        capture.start();
        logger.addAppender(capture);
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(handler, new Pipeline());
                    }
                })
                // "::" takes IPv4 and IPv6 connections on one socket, as the hub's 0.0.0.0 default does for IPv4
                .bind(new InetSocketAddress("::", 0)).sync().channel();
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @AfterEach
    void stop() throws InterruptedException {
        logger.removeAppender(capture);
        capture.stop();
        if (server != null) {
            server.close().sync();
        }
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
    }

    /** Connects from {@code from}, writes {@code text}, and answers whether the server closed on us. */
    private static boolean sendAndSeeClosed(String from, String to, int port, String text) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName(to), port, InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(1000);
            try {
                socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                InputStream in = socket.getInputStream();
                return in.read() == -1;
            } catch (java.net.SocketTimeoutException e) {
                return false; // still open: the server kept listening to us
            } catch (IOException e) {
                return true; // reset by the server
            }
        }
    }

    @Test
    void should_close_a_refused_ipv4_address_before_any_byte_is_read_and_keep_serving_the_allowed() throws Exception {
        int port = serve("127.0.0.1");
        assertTrue(sendAndSeeClosed("127.0.0.2", "127.0.0.1", port, "]d2EVIL\r\n"), "127.0.0.2 is closed");
        assertTrue(!sendAndSeeClosed("127.0.0.1", "127.0.0.1", port, "]d2GOOD\r\n"), "127.0.0.1 stays connected");
        await().atMost(WAIT).until(() -> reached.contains("]d2GOOD\r\n"));
        assertEquals(List.of("connect 127.0.0.1", "]d2GOOD\r\n"), reached,
                "only the allowed connection and its bytes reach the pipeline");
    }

    @Test
    void should_filter_ipv6_by_range() throws Exception {
        int port = serve("127.0.0.1, ::1/128");
        assertTrue(!sendAndSeeClosed("::1", "::1", port, "V6\r\n"), "::1 is allowed");
        await().atMost(WAIT).until(() -> reached.contains("V6\r\n"));
        server.close().sync();
        reached.clear();
        port = serve("127.0.0.1, 2001:db8::/32");
        assertTrue(sendAndSeeClosed("::1", "::1", port, "V6\r\n"), "::1 is outside 2001:db8::/32");
        assertTrue(reached.isEmpty(), "nothing of it reached the pipeline: " + reached);
    }

    @Test
    void should_log_a_refused_address_once_per_minute_not_per_attempt() throws Exception {
        int port = serve("127.0.0.1");
        for (int i = 0; i < 5; i++) {
            assertTrue(sendAndSeeClosed("127.0.0.2", "127.0.0.1", port, "x"), "attempt " + i + " closed");
        }
        assertTrue(sendAndSeeClosed("127.0.0.3", "127.0.0.1", port, "x"), "another address closed too");
        List<String> warnings = logged.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(e -> e.getMessage().getFormattedMessage()).toList();
        assertEquals(2, warnings.size(), "one line per address within the minute: " + warnings);
        assertTrue(warnings.get(0).contains("127.0.0.2") && warnings.get(1).contains("127.0.0.3"),
                "each names the address: " + warnings);
        assertTrue(reached.isEmpty(), "none of them reached the pipeline: " + reached);
    }
}
