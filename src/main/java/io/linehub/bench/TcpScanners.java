package io.linehub.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Many TCP scanners on one thread: N non-blocking connections, scan n goes to connection {@code n % N} as a
 * LF-terminated frame, so at R scans/s each connection sends R/N evenly spaced. A write the socket cannot take
 * at once is kept and finished before that connection's next frame, so the generator never blocks on one scanner.
 */
final class TcpScanners implements ScanSender {

    private final List<SocketChannel> channels = new ArrayList<>();
    private final ByteBuffer[] pending;

    TcpScanners(String host, int port, int connections) throws IOException {
        pending = new ByteBuffer[connections];
        for (int c = 0; c < connections; c++) {
            SocketChannel ch = SocketChannel.open(new InetSocketAddress(host, port));
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.configureBlocking(false);
            channels.add(ch);
        }
    }

    @Override
    public void send(long n, byte[] payload) throws IOException {
        int c = (int) (n % channels.size());
        ByteBuffer frame = ByteBuffer.allocate(payload.length + 1).put(payload).put((byte) '\n').flip();
        if (pending[c] != null) {
            ByteBuffer joined = ByteBuffer.allocate(pending[c].remaining() + frame.remaining());
            pending[c] = joined.put(pending[c]).put(frame).flip();
        } else {
            pending[c] = frame;
        }
        channels.get(c).write(pending[c]);
        if (!pending[c].hasRemaining()) {
            pending[c] = null;
        }
    }

    @Override
    public void flush() throws Exception {
        boolean left = true;
        while (left) {
            left = false;
            for (int c = 0; c < pending.length; c++) {
                if (pending[c] != null) {
                    channels.get(c).write(pending[c]);
                    if (pending[c].hasRemaining()) {
                        left = true;
                    } else {
                        pending[c] = null;
                    }
                }
            }
            if (left) {
                Thread.sleep(1);
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel ch : channels) {
            ch.close();
        }
    }
}
