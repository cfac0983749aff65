package io.linehub.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** {@link ScanFrameDecoderFactory} wired into a real Camel netty TCP consumer as {@code decoders=#scanFrameDecoder}. */
class ScanFrameDecoderFactoryTest {

    private static final int MAX = 8;

    private final BlockingQueue<Object> bodies = new LinkedBlockingQueue<>();

    @Test
    void should_create_a_new_decoder_per_connection() {
        ScanFrameDecoderFactory factory = new ScanFrameDecoderFactory(MAX);

        ScanFrameDecoder first = assertInstanceOf(ScanFrameDecoder.class, factory.newChannelHandler(), "factory builds decoders");
        ScanFrameDecoder second = assertInstanceOf(ScanFrameDecoder.class, factory.newChannelHandler(), "factory builds decoders");
        assertNotSame(first, second, "each connection needs its own stateful decoder");
        assertEquals(MAX, first.maxLength(), "configured maxLength is passed on");
        assertEquals(4096, new ScanFrameDecoderFactory().maxLength(), "default maxLength follows the contract");
    }

    @Test
    void should_deliver_tcp_frames_to_the_route_and_keep_connections_apart() throws Exception {
        int port = freePort();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("scanFrameDecoder", new ScanFrameDecoderFactory(MAX));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("netty:tcp://127.0.0.1:" + port + "?sync=false&decoders=#scanFrameDecoder")
                            .process(exchange -> bodies.add(exchange.getMessage().getBody()));
                }
            });
            camel.start();

            try (Socket first = new Socket("127.0.0.1", port); Socket second = new Socket("127.0.0.1", port)) {
                send(first, "PART");
                send(second, "OTHER\r");
                assertEquals(TcpFrame.of(bytes("OTHER")), next(), "second connection's frame arrives as a TcpFrame body");
                send(first, "IAL\r");
                assertEquals(TcpFrame.of(bytes("PARTIAL")), next(), "first connection's half frame was not mixed up");

                send(first, "TOO-LONG-FOR-8\r");
                Object rejected = next();
                assertTrue(rejected instanceof TcpFrame frame && frame.oversized() && frame.length() == 14,
                        "oversized frame arrives flagged with its length: " + rejected);
                send(first, "AFTER\r");
                assertEquals(TcpFrame.of(bytes("AFTER")), next(), "the connection survives an oversized frame");
            }
        }
    }

    private Object next() throws InterruptedException {
        Object body = bodies.poll(10, TimeUnit.SECONDS);
        assertTrue(body != null, "a frame reaches the route within 10 s");
        return body;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes(text));
        out.flush();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
