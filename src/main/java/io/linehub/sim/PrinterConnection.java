package io.linehub.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one accepted client of the simulated raw port until it closes: formats go to the print engine, status
 * queries are answered on the same socket, nothing else is ever sent (a Zebra does not acknowledge jobs).
 */
final class PrinterConnection implements PrinterStreamParser.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(PrinterConnection.class);
    private static final int READ_CHUNK = 8 * 1024;

    private final String name;
    private final Socket socket;
    private final PrinterEngine engine;
    private final PrinterCounters counters;
    private final boolean realFirmware;
    private final PrinterStreamParser parser;
    private volatile boolean partialFormat;
    private OutputStream out;

    PrinterConnection(String name, Socket socket, PrinterEngine engine, PrinterCounters counters,
            int maxFormatBytes, boolean realFirmware) {
        this.name = name;
        this.socket = socket;
        this.engine = engine;
        this.counters = counters;
        this.realFirmware = realFirmware;
        this.parser = new PrinterStreamParser(maxFormatBytes, this);
    }

    /** Reads until the client closes, the idle timeout passes or {@link #drop()} is called; closes the socket. */
    void serve() {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        LOG.debug("{}: client {} connected", name, peer);
        byte[] chunk = new byte[READ_CHUNK];
        try (socket) {
            InputStream in = socket.getInputStream();
            out = socket.getOutputStream();
            int read;
            while ((read = in.read(chunk)) != -1) {
                counters.bytesReceived.addAndGet(read);
                parser.feed(chunk, 0, read);
                partialFormat = parser.partialFormat();
            }
            LOG.debug("{}: client {} closed the connection", name, peer);
        } catch (SocketTimeoutException e) {
            LOG.info("{}: client {} idle for too long, closing the connection", name, peer);
        } catch (IOException e) {
            LOG.debug("{}: connection to {} ended: {}", name, peer, e.toString());
        } finally {
            counters.formatBytesSeen(parser.peakFormatBytes());
            long discarded = parser.endOfStream();
            partialFormat = false;
            if (discarded > 0) {
                counters.partialFormatsDiscarded.incrementAndGet();
                LOG.warn("{}: discarded a partial format of {} bytes: the connection ended before ^XZ", name,
                        discarded);
            }
        }
    }

    /** Closes the connection now, from any thread. */
    void drop() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("{}: closing the client socket failed: {}", name, e.toString());
        }
    }

    /** Whether this connection's stream is inside a format right now. */
    boolean partialFormat() {
        return partialFormat;
    }

    @Override
    public void formatReceived(byte[] zpl) {
        if (!engine.receive(zpl, Instant.now())) {
            counters.formatsDiscarded.incrementAndGet();
        }
    }

    @Override
    public void hostStatusRequested() throws IOException {
        counters.hostStatusRequests.incrementAndGet();
        if (!engine.condition().answersHostStatus(realFirmware)) {
            LOG.debug("{}: ~HS left unanswered ({})", name, engine.condition().describe());
            return;
        }
        reply(PrinterStatusReply.hostStatus(engine.status(parser.partialFormat())));
    }

    @Override
    public void extendedStatusRequested() throws IOException {
        counters.extendedStatusRequests.incrementAndGet();
        PrinterCondition condition = engine.condition();
        if (condition.silent()) {
            return;
        }
        reply(PrinterStatusReply.extendedStatus(condition));
    }

    @Override
    public void formatTooLarge(int maxFormatBytes) {
        counters.formatsDiscarded.incrementAndGet();
        LOG.warn("{}: a format grew beyond {} bytes; discarding it up to its ^XZ", name, maxFormatBytes);
    }

    private void reply(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }
}
