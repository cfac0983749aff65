package io.linehub.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;

/** A listener that reads and drops everything on one thread, counting LF-terminated frames: a TCP sink. */
final class TcpDiscardServer implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Selector selector;
    private final AtomicLong frames = new AtomicLong();
    private final Thread thread;

    TcpDiscardServer() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0), 512);
        server.configureBlocking(false);
        selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        thread = new Thread(this::loop, "tcp-discard");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.socket().getLocalPort();
    }

    long frames() {
        return frames.get();
    }

    private void loop() {
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
        try {
            while (selector.isOpen()) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isAcceptable()) {
                        SocketChannel ch = server.accept();
                        ch.configureBlocking(false);
                        ch.register(selector, SelectionKey.OP_READ);
                    } else if (key.isReadable()) {
                        buf.clear();
                        if (((SocketChannel) key.channel()).read(buf) < 0) {
                            key.channel().close();
                            continue;
                        }
                        buf.flip();
                        long n = 0;
                        while (buf.hasRemaining()) {
                            n += buf.get() == '\n' ? 1 : 0;
                        }
                        frames.addAndGet(n);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | java.nio.channels.ClosedSelectorException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        selector.close();
        server.close();
    }
}
