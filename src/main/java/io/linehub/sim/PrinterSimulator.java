package io.linehub.sim;

import io.linehub.print.HostStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Zebra label printer on its raw TCP port (9100), for tests and the demo: takes ZPL, "prints" each
 * {@code ^XA...^XZ} format, answers {@code ~HS} and {@code ~HQES}, and can be put into the failure conditions a
 * line meets (paper out, head open, silent, refusing or dropping connections, slow).
 *
 * <p>Behaviour, chosen to match port 9100 where documented and to be predictable in tests where not:
 * <ul>
 * <li>One client at a time, served in arrival order. A second client's TCP connect succeeds (the kernel completes
 * it into the accept backlog), but its bytes are not read until the first client has closed, so two clients'
 * formats are never interleaved. Nothing is ever sent unasked: no greeting, no job acknowledgement.</li>
 * <li>A label is one {@code ^XA ... ^XZ} format, kept byte-exact (only embedded {@code ~HS}/{@code ~HQES} queries,
 * which a printer executes at once, are cut out) and recorded once with its {@code ^PQ} copy count; the print
 * delay applies per copy. Bytes between formats are ignored.</li>
 * <li>Formats already received are printed even when the client has gone; a format without {@code ^XZ} when the
 * connection ends is discarded and counted in {@link #partialFormatsDiscarded()}. While it is pending, {@code ~HS}
 * shows the partial-format flag.</li>
 * <li>While not ready (paper out, head open, ribbon out, paused, silent) formats stay in the receive buffer and are
 * printed in order once ready; {@code ~HS} shows them as formats in buffer.</li>
 * <li>Memory is bounded: a format beyond {@link Settings#maxFormatBytes()} is discarded, a full receive buffer
 * discards new formats, and {@link #labels()} keeps only the newest labels while {@link #labelCount()} counts
 * all; every discard is logged and counted in {@link #formatsDiscarded()}.</li>
 * </ul>
 */
public final class PrinterSimulator implements AutoCloseable {

    /**
     * How the simulator is built; conditions and the print delay can also be changed while it runs.
     *
     * @param host address to listen on
     * @param port port to listen on, 0 for a free one (kept for restarts and {@link #acceptConnections()})
     * @param labelFolder where each printed label is written as {@code label-000001.zpl}, ...; null for none
     * @param labelCap how many of the newest labels {@link #labels()} keeps
     * @param labelBytesCap how many bytes those kept labels may hold together
     * @param maxFormatBytes largest format accepted, from {@code ^XA} through {@code ^XZ}
     * @param bufferFormats formats the receive buffer holds while the printer is not ready
     * @param bufferBytes bytes the receive buffer holds
     * @param printDelay time each copy takes to print
     * @param idleTimeout a client silent this long is disconnected, like the printer's network timeout; zero for never
     * @param realFirmware no answer to {@code ~HS} in paper out, head open and ribbon out, as current firmware does
     */
    public record Settings(String host, int port, Path labelFolder, int labelCap, long labelBytesCap,
            int maxFormatBytes, int bufferFormats, long bufferBytes, Duration printDelay, Duration idleTimeout,
            boolean realFirmware) {

        public static final String DEFAULT_HOST = "127.0.0.1";

        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(printDelay, "printDelay");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            if (labelCap < 0 || labelBytesCap < 0 || maxFormatBytes < 6 || bufferFormats < 1 || bufferBytes < 1) {
                throw new IllegalArgumentException("caps must be positive (maxFormatBytes at least 6)");
            }
            if (printDelay.isNegative() || idleTimeout.isNegative()) {
                throw new IllegalArgumentException("printDelay and idleTimeout cannot be negative");
            }
        }

        /**
         * Loopback, a free port, no label files, 10,000 labels or 64 MiB kept, formats up to 1 MiB, a buffer of
         * 999 formats (the most {@code ~HS} can show) or 16 MiB, no print delay, the printer's default 300 s idle
         * timeout, older-firmware {@code ~HS} behaviour.
         */
        public static Settings defaults() {
            return new Settings(DEFAULT_HOST, 0, null, 10_000, 64L << 20, 1 << 20, 999, 16L << 20, Duration.ZERO,
                    Duration.ofSeconds(300), false);
        }

        public Settings withHost(String value) {
            return new Settings(value, port, labelFolder, labelCap, labelBytesCap, maxFormatBytes, bufferFormats,
                    bufferBytes, printDelay, idleTimeout, realFirmware);
        }

        public Settings withPort(int value) {
            return new Settings(host, value, labelFolder, labelCap, labelBytesCap, maxFormatBytes, bufferFormats,
                    bufferBytes, printDelay, idleTimeout, realFirmware);
        }

        public Settings withLabelFolder(Path value) {
            return new Settings(host, port, value, labelCap, labelBytesCap, maxFormatBytes, bufferFormats,
                    bufferBytes, printDelay, idleTimeout, realFirmware);
        }

        public Settings withLabelCap(int labels, long bytes) {
            return new Settings(host, port, labelFolder, labels, bytes, maxFormatBytes, bufferFormats, bufferBytes,
                    printDelay, idleTimeout, realFirmware);
        }

        public Settings withMaxFormatBytes(int value) {
            return new Settings(host, port, labelFolder, labelCap, labelBytesCap, value, bufferFormats, bufferBytes,
                    printDelay, idleTimeout, realFirmware);
        }

        public Settings withBuffer(int formats, long bytes) {
            return new Settings(host, port, labelFolder, labelCap, labelBytesCap, maxFormatBytes, formats, bytes,
                    printDelay, idleTimeout, realFirmware);
        }

        public Settings withPrintDelay(Duration value) {
            return new Settings(host, port, labelFolder, labelCap, labelBytesCap, maxFormatBytes, bufferFormats,
                    bufferBytes, value, idleTimeout, realFirmware);
        }

        public Settings withIdleTimeout(Duration value) {
            return new Settings(host, port, labelFolder, labelCap, labelBytesCap, maxFormatBytes, bufferFormats,
                    bufferBytes, printDelay, value, realFirmware);
        }

        public Settings withRealFirmware(boolean value) {
            return new Settings(host, port, labelFolder, labelCap, labelBytesCap, maxFormatBytes, bufferFormats,
                    bufferBytes, printDelay, idleTimeout, value);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PrinterSimulator.class);
    private static final int BACKLOG = 50;

    private final Settings settings;
    private final PrinterEngine engine;
    private final PrinterCounters counters = new PrinterCounters();
    // guards server, listener, running, boundPort; connection is volatile for dropConnection()
    private final Object lifecycle = new Object();
    private ServerSocket server;
    private Thread listener;
    private boolean running;
    private int boundPort;
    private volatile PrinterConnection connection;

    /** A simulator with default settings on a free loopback port. */
    public PrinterSimulator() {
        this(Settings.defaults());
    }

    /** A simulator with default settings on the given loopback port (0 for a free one). */
    public PrinterSimulator(int port) {
        this(Settings.defaults().withPort(port));
    }

    public PrinterSimulator(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.boundPort = settings.port();
        this.engine = new PrinterEngine("printer-sim", settings);
    }

    /**
     * Listens and prints; a no-op when running. After {@link #stop()} it listens on the same port again.
     *
     * @throws PortInUseException when the port is taken
     */
    public PrinterSimulator start() {
        synchronized (lifecycle) {
            if (running) {
                return this;
            }
            server = bind();
            running = true;
            engine.start();
            listener = new Thread(this::listen, "printer-sim-" + boundPort);
            listener.setDaemon(true);
            listener.start();
        }
        LOG.info("Printer simulator listening on {}:{}", settings.host(), boundPort);
        return this;
    }

    /** Closes the port and the client connection and stops printing; labels and held formats are kept. */
    public void stop() {
        Thread stopping;
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            closeServer();
            stopping = listener;
            listener = null;
            lifecycle.notifyAll();
        }
        dropConnection();
        join(stopping);
        engine.stop();
        LOG.info("Printer simulator on port {} stopped", boundPort);
    }

    @Override
    public void close() {
        stop();
    }

    /** The port listened on (after the first start the actual one, also when 0 was asked for). */
    public int port() {
        synchronized (lifecycle) {
            return boundPort;
        }
    }

    public String host() {
        return settings.host();
    }

    public Settings settings() {
        return settings;
    }

    /** Whether new connections are accepted now (running and not refusing). */
    public boolean listening() {
        synchronized (lifecycle) {
            return running && server != null;
        }
    }

    // ---- conditions -------------------------------------------------------------------------------------------

    public PrinterCondition condition() {
        return engine.condition();
    }

    public void condition(PrinterCondition condition) {
        Objects.requireNonNull(condition, "condition");
        engine.updateCondition(current -> condition);
    }

    /** Changes the condition atomically, e.g. {@code updateCondition(c -> c.withPaused(true))}. */
    public PrinterCondition updateCondition(UnaryOperator<PrinterCondition> change) {
        return engine.updateCondition(change);
    }

    /** Clears every condition: held formats start printing. */
    public void makeReady() {
        condition(PrinterCondition.READY);
    }

    public void paperOut(boolean value) {
        engine.updateCondition(c -> c.withPaperOut(value));
    }

    public void headOpen(boolean value) {
        engine.updateCondition(c -> c.withHeadOpen(value));
    }

    public void ribbonOut(boolean value) {
        engine.updateCondition(c -> c.withRibbonOut(value));
    }

    public void paused(boolean value) {
        engine.updateCondition(c -> c.withPaused(value));
    }

    /** Silent: connections and bytes are taken, but no query is answered and nothing prints. */
    public void silent(boolean value) {
        engine.updateCondition(c -> c.withSilent(value));
    }

    /** Time each printed copy takes from now on; {@link Duration#ZERO} for full speed. */
    public void slow(Duration perLabel) {
        engine.printDelay(Objects.requireNonNull(perLabel, "perLabel"));
    }

    /**
     * Closes the listening socket: connects fail until {@link #acceptConnections()}. A client already connected
     * stays connected; clients waiting in the backlog are reset.
     */
    public void refuseConnections() {
        synchronized (lifecycle) {
            if (server != null) {
                closeServer();
                LOG.info("Printer simulator on port {} refuses connections", boundPort);
            }
        }
    }

    /**
     * Listens again on the same port after {@link #refuseConnections()}.
     *
     * @throws IllegalStateException when not started
     * @throws PortInUseException when something else took the port meanwhile
     */
    public void acceptConnections() {
        synchronized (lifecycle) {
            if (!running) {
                throw new IllegalStateException("the printer simulator is not started");
            }
            if (server == null) {
                server = bind();
                lifecycle.notifyAll();
                LOG.info("Printer simulator on port {} accepts connections again", boundPort);
            }
        }
    }

    /**
     * Closes the current client connection now; formats it completed still print.
     *
     * @return whether a client was connected
     */
    public boolean dropConnection() {
        PrinterConnection current = connection;
        if (current == null) {
            return false;
        }
        current.drop();
        return true;
    }

    // ---- observations -----------------------------------------------------------------------------------------

    /** The newest printed labels (at most {@link Settings#labelCap()}), oldest first; a copy. */
    public List<PrinterLabel> labels() {
        return engine.labels();
    }

    /** Formats printed since creation, exact even when {@link #labels()} has dropped old ones. */
    public long labelCount() {
        return engine.labelCount();
    }

    /** Copies printed: {@link #labelCount()} weighted by each format's {@code ^PQ}. */
    public long copiesPrinted() {
        return engine.copiesPrinted();
    }

    /**
     * Waits until at least {@code count} labels have been printed.
     *
     * @return false when the timeout passed first (or the thread was interrupted)
     */
    public boolean awaitLabels(int count, Duration timeout) {
        try {
            return engine.awaitLabels(count, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What {@code ~HS} would report now (also when the condition would leave it unanswered). */
    public HostStatus hostStatus() {
        PrinterConnection current = connection;
        return engine.status(current != null && current.partialFormat());
    }

    /** Formats received and waiting to print. */
    public int formatsInBuffer() {
        return engine.formatsInBuffer();
    }

    public long connectionsAccepted() {
        return counters.connectionsAccepted.get();
    }

    /** {@code ~HS} queries received, answered or not. */
    public long hsRequests() {
        return counters.hostStatusRequests.get();
    }

    /** {@code ~HQES} queries received, answered or not. */
    public long hqesRequests() {
        return counters.extendedStatusRequests.get();
    }

    public long bytesReceived() {
        return counters.bytesReceived.get();
    }

    /** Complete formats thrown away: larger than the format cap, or arriving at a full buffer. */
    public long formatsDiscarded() {
        return counters.formatsDiscarded.get();
    }

    /** Formats a connection ended inside (no {@code ^XZ}); never printed. */
    public long partialFormatsDiscarded() {
        return counters.partialFormatsDiscarded.get();
    }

    /** The most bytes one pending format has held, over all finished connections: at most the format cap. */
    public int peakFormatBytes() {
        return counters.peakFormatBytes.get();
    }

    // ---- serving ----------------------------------------------------------------------------------------------

    private void listen() {
        while (true) {
            ServerSocket socket;
            synchronized (lifecycle) {
                while (running && server == null) {
                    try {
                        lifecycle.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (!running) {
                    return;
                }
                socket = server;
            }
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("Printer simulator on port {} failed to accept: {}", boundPort, e.toString());
                    closeIfCurrent(socket);
                }
                continue;
            }
            serve(client);
        }
    }

    /** Runs on the listener thread, so the next client is not even accepted before this one is done. */
    private void serve(Socket client) {
        try {
            client.setTcpNoDelay(true);
            client.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.idleTimeout().toMillis()));
        } catch (IOException e) {
            LOG.debug("Cannot set client socket options: {}", e.toString());
        }
        PrinterConnection current = new PrinterConnection("printer-sim-" + boundPort, client, engine, counters,
                settings.maxFormatBytes(), settings.realFirmware());
        synchronized (lifecycle) {
            if (!running) {
                current.drop();
                return;
            }
            connection = current;
        }
        counters.connectionsAccepted.incrementAndGet();
        try {
            current.serve();
        } finally {
            connection = null;
        }
    }

    /** A listening socket that fails for another reason than being closed is replaced by a fresh one. */
    private void closeIfCurrent(ServerSocket failed) {
        synchronized (lifecycle) {
            if (server != failed) {
                return;
            }
            closeServer();
            if (running) {
                try {
                    server = bind();
                } catch (RuntimeException e) {
                    // stay up, refusing connections, until acceptConnections() or stop()
                    LOG.error("Printer simulator cannot listen on port {} again", boundPort, e);
                }
            }
        }
    }

    private ServerSocket bind() {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            // rebinding the same port right after refuseConnections() or stop() must not fail on TIME_WAIT
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), boundPort), BACKLOG);
            boundPort = socket.getLocalPort();
            return socket;
        } catch (BindException e) {
            closeQuietly(socket);
            throw new PortInUseException("Printer simulator", settings.host(), boundPort, e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException(
                    "Printer simulator cannot listen on " + settings.host() + ":" + boundPort, e);
        }
    }

    private void closeServer() {
        closeQuietly(server);
        server = null;
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing the listening socket failed: {}", e.toString());
        }
    }

    private static void join(Thread thread) {
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(10_000);
            if (thread.isAlive()) {
                LOG.warn("Printer simulator thread {} did not stop within 10 s", thread.getName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
