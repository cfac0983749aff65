package io.linehub.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in ERP/WMS that accepts the hub's event POSTs on loopback, records them (see {@link EventLedger} for
 * what "recorded" means) and can be told to fail, stall or refuse connections.
 *
 * <p>Bounded mode ({@code keepAll=false}) keeps the last {@value EventLedger#BOUNDED_EVENTS} events and remembers
 * the last {@value EventLedger#BOUNDED_IDS} eventIds (an LRU): counts stay exact, but a repeat of an id older than
 * that window is counted as a new distinct event. Latencies go to a fixed-memory {@link LatencyHistogram}.
 */
public final class EventReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventReceiver.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int THREADS = 16;

    static {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body
        // then waits for the client's delayed ACK, about 40 ms per request. Read once, when the first JDK
        // HttpServer in the JVM is created, so an explicit -D setting wins and a server created earlier keeps Nagle.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String host;
    private final String prefix;
    private final EventLedger ledger;
    private final EventHandler handler;
    private volatile int port;
    private HttpServer server;
    private ExecutorService executor;
    private boolean refusing;

    /**
     * @param port       loopback port, 0 for any free one (kept across {@link #refuseConnections()})
     * @param pathPrefix e.g. {@code /erp/events}; POSTs to it or any path below it are accepted
     * @param keepAll    keep every event (tests) rather than a bounded tail (demo, bench)
     */
    public EventReceiver(int port, String pathPrefix, boolean keepAll) {
        this(LOOPBACK, port, pathPrefix, keepAll);
    }

    /**
     * @param host address to listen on: loopback for tests and the demo; all interfaces ({@code 0.0.0.0}) when the
     *             receiver runs in a container of its own and the hub reaches it over the container network
     */
    public EventReceiver(String host, int port, String pathPrefix, boolean keepAll) {
        this.host = host;
        String trimmed = pathPrefix.endsWith("/") ? pathPrefix.substring(0, pathPrefix.length() - 1) : pathPrefix;
        this.prefix = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        this.port = port;
        this.ledger = new EventLedger(keepAll);
        this.handler = new EventHandler(prefix, ledger);
    }

    /** @throws PortInUseException when the port is taken */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (BindException e) {
            throw new PortInUseException("Event receiver", host, port, e);
        } catch (IOException e) {
            throw new IllegalStateException("Event receiver cannot listen on " + host + ":" + port, e);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "event-receiver-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        // the JDK context matches by string prefix ("/erp/eventsX" too), so handle() checks the path itself
        server.createContext(prefix, handler);
        server.start();
        port = server.getAddress().getPort();
        LOG.info("Event receiver listening on {}", url());
    }

    public synchronized void stop() {
        refusing = false;
        if (server == null) {
            return;
        }
        server.stop(0);
        // handlers may be sleeping in an injected delay
        executor.shutdownNow();
        server = null;
        executor = null;
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    /** The full URL of the prefix, e.g. {@code http://127.0.0.1:8089/erp/events}. */
    public String url() {
        return "http://" + host + ":" + port + prefix;
    }

    /** Answers every POST with {@code status} until {@link #reset()}; a non-2xx answer records nothing. */
    public void respondWith(int status) {
        handler.respondWith(status);
    }

    /**
     * Holds every POST for {@code delay} before handling it, so a client with a shorter timeout gives up. The
     * request is then handled as usual (recorded on 2xx), the way a slow ERP commits what it was sent; a client
     * that timed out and retries therefore produces a repeat.
     */
    public void delayResponses(Duration delay) {
        handler.delayResponses(delay);
    }

    /** Closes the listening socket (and open connections) so connections are refused, keeping what was recorded. */
    public synchronized void refuseConnections() {
        boolean running = server != null;
        stop();
        refusing = running;
    }

    /** Listens again on the same port after {@link #refuseConnections()}. */
    public synchronized void acceptConnections() {
        if (refusing) {
            refusing = false;
            start();
        }
    }

    /** Ends every injected failure: status 200, no delay, accepting connections. Keeps what was recorded. */
    public void reset() {
        handler.respondWith(200);
        handler.delayResponses(Duration.ZERO);
        acceptConnections();
    }

    /** Forgets everything recorded. */
    public void clear() {
        ledger.clear();
    }

    public long distinctCount() {
        return ledger.snapshot().distinct();
    }

    /** Arrivals of an eventId after its first. */
    public long duplicateCount() {
        return ledger.snapshot().duplicates();
    }

    /** Every event accepted, repeats included. */
    public long eventCount() {
        return ledger.snapshot().arrivals();
    }

    /** POSTs accepted with a 2xx answer. */
    public long postCount() {
        return ledger.snapshot().posts();
    }

    /** POSTs answered with an injected failure status. */
    public long failedPostCount() {
        return ledger.snapshot().failedPosts();
    }

    /** POSTs answered 400 because the body broke the event contract. */
    public long badRequestCount() {
        return ledger.snapshot().badRequests();
    }

    /** Distinct events per type, e.g. {@code scan.accepted}. */
    public Map<String, Long> countsByType() {
        return ledger.snapshot().byType();
    }

    /** Distinct events per reason, e.g. {@code DUPLICATE}. */
    public Map<String, Long> countsByReason() {
        return ledger.snapshot().byReason();
    }

    public long countOfType(String type) {
        return countsByType().getOrDefault(type, 0L);
    }

    public long countOfReason(String reason) {
        return countsByReason().getOrDefault(reason, 0L);
    }

    /** Latency (arrival minus occurredAt) of first arrivals, in microseconds. */
    public LatencyHistogram latencyMicros() {
        return ledger.snapshot().latency();
    }

    /** Events in arrival order, repeats flagged; all of them or the bounded tail. */
    public List<ReceivedEvent> events() {
        return ledger.events();
    }

    /** First arrivals for {@code line}, in arrival order (within the bounded tail in bounded mode). */
    public List<ReceivedEvent> eventsForLine(String line) {
        return ledger.firstArrivalsForLine(line);
    }

    /** eventIds currently remembered for duplicate detection. */
    public int trackedEventIds() {
        return ledger.trackedIds();
    }

    /** Waits until at least {@code n} distinct events arrived; false on timeout. */
    public boolean awaitDistinct(int n, Duration timeout) {
        try {
            return ledger.awaitDistinct(n, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The counts as JSON, as GET on the prefix returns them. */
    public String summaryJson() {
        return handler.summaryJson();
    }
}
