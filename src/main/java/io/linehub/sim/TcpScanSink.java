package io.linehub.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes scans to a TCP scanner listener, cycling through the framings CR LF, CR, LF and STX … ETX, and
 * discards whatever the listener sends back.
 */
final class TcpScanSink implements ScanSink {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    /** Set by the drain thread of the current connection only, so an old connection cannot mark a new one. */
    private AtomicBoolean peerClosed = new AtomicBoolean(true);

    TcpScanSink(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public void connect() throws IOException {
        close();
        Socket fresh = new Socket();
        try {
            fresh.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            fresh.setTcpNoDelay(true);
            out = fresh.getOutputStream();
        } catch (IOException e) {
            fresh.close();
            throw e;
        }
        socket = fresh;
        peerClosed = new AtomicBoolean(false);
        startDrain(fresh, peerClosed);
    }

    @Override
    public boolean isConnected() {
        return socket != null && !peerClosed.get();
    }

    @Override
    public void send(String code, long sequence, OffsetDateTime scannedAt) throws IOException {
        if (!isConnected()) {
            throw new IOException("not connected to " + target());
        }
        out.write(frame(code, sequence));
        out.flush();
    }

    static byte[] frame(String code, long sequence) {
        String framed;
        switch ((int) (sequence % 4)) {
            case 0:
                framed = code + "\r\n";
                break;
            case 1:
                framed = code + "\r";
                break;
            case 2:
                framed = code + "\n";
                break;
            default:
                framed = "\u0002" + code + "\u0003";
                break;
        }
        return framed.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
        socket = null;
        out = null;
    }

    @Override
    public String target() {
        return "tcp://" + host + ":" + port;
    }

    // Reading is also how a closed listener shows up (EOF) before a write fails into the void.
    private void startDrain(Socket connected, AtomicBoolean closed) throws IOException {
        InputStream in = connected.getInputStream();
        Thread drain = new Thread(() -> {
            byte[] buffer = new byte[1024];
            try {
                while (in.read(buffer) >= 0) {
                    // responses are not part of the scanner contract
                }
            } catch (IOException ignored) {
                // reset or closed: treated like EOF
            }
            closed.set(true);
        }, "scanner-sim-drain-" + host + ":" + port);
        drain.setDaemon(true);
        drain.start();
    }
}
