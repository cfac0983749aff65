package io.linehub.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The hub's one connection to a printer's raw port (9100 serves one client at a time): writes label
 * formats and asks {@code ~HS}. No answer within the timeout means not ready: a Zebra in media out or
 * head open often answers nothing.
 */
final class PrinterLink implements AutoCloseable {

    private static final byte[] HOST_STATUS = "~HS".getBytes(StandardCharsets.US_ASCII);

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration statusTimeout;
    private Socket socket;

    PrinterLink(String host, int port, Duration connectTimeout, Duration statusTimeout) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.statusTimeout = statusTimeout;
    }

    void send(byte[] format) throws IOException {
        Socket s = connected();
        s.getOutputStream().write(format);
        s.getOutputStream().flush();
    }

    /** @return the printer's status, or empty when it did not answer in time */
    Optional<HostStatus> status() throws IOException {
        Socket s = connected();
        InputStream in = s.getInputStream();
        // a late answer to an earlier ~HS must not be read as the answer to this one
        while (in.available() > 0) {
            in.skip(in.available());
        }
        s.getOutputStream().write(HOST_STATUS);
        s.getOutputStream().flush();
        ByteArrayOutputStream reply = new ByteArrayOutputStream(128);
        byte[] buf = new byte[256];
        long deadline = System.nanoTime() + statusTimeout.toNanos();
        try {
            while (!HostStatusParser.complete(reply.toByteArray())) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return Optional.empty();
                }
                s.setSoTimeout((int) Math.max(1, left));
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("printer " + host + ":" + port + " closed the connection");
                }
                reply.write(buf, 0, n);
                if (reply.size() > HostStatusParser.MAX_REPLY_BYTES) {
                    throw new IOException("printer " + host + ":" + port + " sent an oversized status reply");
                }
            }
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        HostStatusResult result = HostStatusParser.parse(reply.toByteArray());
        if (!result.isOk()) {
            throw new IOException("unreadable ~HS reply from " + host + ":" + port + ": " + result.error().orElse(""));
        }
        return result.status();
    }

    private Socket connected() throws IOException {
        if (socket == null || socket.isClosed()) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
                s.setTcpNoDelay(true);
            } catch (IOException e) {
                s.close();
                throw e;
            }
            socket = s;
        }
        return socket;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
