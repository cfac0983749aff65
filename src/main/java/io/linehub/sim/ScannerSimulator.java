package io.linehub.sim;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated line scanner: emits a deterministic stream of scans (see {@link ScanGenerator}) at a fixed rate
 * over MQTT or TCP, and reconnects on its own when the broker or listener goes away.
 *
 * <p>Scans are never lost inside the simulator: one that could not be written is written again after
 * reconnecting. Time spent disconnected is not made up afterwards beyond a tenth of a second's worth.
 */
public final class ScannerSimulator implements AutoCloseable {

    /** How scans travel to the hub. */
    public enum Transport { MQTT, TCP }

    /**
     * Where and how fast one scanner sends; {@code mqtt*} or {@code tcp*} fields apply by transport. Line and
     * device also make the MQTT client id ({@code linehub-sim-{line}-{device}}), so keep the pair unique.
     */
    public record Settings(String line, String device, Transport transport, String mqttUrl, String topicPrefix,
            String tcpHost, int tcpPort, double scansPerSecond, long seed) {

        public Settings {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(transport, "transport");
            if (transport == Transport.MQTT && (mqttUrl == null || topicPrefix == null)) {
                throw new IllegalArgumentException("an MQTT scanner needs mqttUrl and topicPrefix");
            }
            if (transport == Transport.TCP && (tcpHost == null || tcpPort <= 0)) {
                throw new IllegalArgumentException("a TCP scanner needs tcpHost and tcpPort");
            }
            if (!(scansPerSecond > 0 && scansPerSecond <= MAX_RATE)) {
                throw new IllegalArgumentException("scansPerSecond must be within (0, " + MAX_RATE + "]: " + scansPerSecond);
            }
        }

        public static Settings mqtt(String line, String device, String mqttUrl, double scansPerSecond, long seed) {
            return new Settings(line, device, Transport.MQTT, mqttUrl, "linehub", null, 0, scansPerSecond, seed);
        }

        public static Settings tcp(String line, String device, String host, int port, double scansPerSecond, long seed) {
            return new Settings(line, device, Transport.TCP, null, null, host, port, scansPerSecond, seed);
        }
    }

    /** Far above any real line, low enough that a typo cannot flood the hub. */
    public static final double MAX_RATE = 50_000;

    private static final Logger LOG = LoggerFactory.getLogger(ScannerSimulator.class);
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final Settings settings;
    private final ScanGenerator generator;
    private final ScanSink sink;
    private final AtomicLongArray sentByKind = new AtomicLongArray(ScanKind.values().length);
    private final long periodNanos;
    private final long maxBurst;
    private ScheduledExecutorService scheduler;
    // the fields below are touched by the scheduler thread only
    private long startNanos;
    private long slots;
    private long sequence;
    private ScanGenerator.Scan pending;
    private OffsetDateTime pendingAt;
    private long outageSince = -1;
    private long nextAttempt;

    /** A scanner with the default mix walking the whole catalog. */
    public ScannerSimulator(Settings settings) {
        this(settings, ScanMix.DEFAULT, 0, DemoCatalog.SERIALS);
    }

    /**
     * @param firstSerial good scans walk catalog serials from here...
     * @param serialCount ...this many, then wrap; give concurrent scanners disjoint ranges
     */
    public ScannerSimulator(Settings settings, ScanMix mix, int firstSerial, int serialCount) {
        this.settings = settings;
        this.generator = new ScanGenerator(settings.seed(), mix, firstSerial, serialCount);
        this.sink = settings.transport() == Transport.MQTT
                ? new MqttScanSink(settings.mqttUrl(), settings.topicPrefix(), settings.line(), settings.device())
                : new TcpScanSink(settings.tcpHost(), settings.tcpPort());
        double rate = settings.scansPerSecond();
        this.periodNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
                Math.min(TimeUnit.MILLISECONDS.toNanos(100), (long) (1e9 / rate)));
        this.maxBurst = Math.max(1, (long) Math.ceil(rate / 10));
    }

    /** Starts sending (connecting first, in the background); a no-op when already running. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "scanner-sim-" + settings.line() + "-" + settings.device());
            thread.setDaemon(true);
            return thread;
        });
        // safe to reset here: no tick runs, and submitting the task publishes these writes to its thread
        startNanos = System.nanoTime();
        slots = 0;
        outageSince = -1;
        scheduler.scheduleAtFixedRate(this::tick, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Stops sending and disconnects; waits for a scan in progress. */
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        // no interrupt: a publish waiting for its PUBACK finishes, so sent() matches what the broker took
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Scanner {} did not stop within 10 s", settings.device());
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        sink.close();
    }

    @Override
    public void close() {
        stop();
    }

    /** Scans written so far (for MQTT: acknowledged by the broker). */
    public long sent() {
        long total = 0;
        for (int i = 0; i < sentByKind.length(); i++) {
            total += sentByKind.get(i);
        }
        return total;
    }

    public long sent(ScanKind kind) {
        return sentByKind.get(kind.ordinal());
    }

    public Map<ScanKind, Long> sentByKind() {
        Map<ScanKind, Long> counts = new EnumMap<>(ScanKind.class);
        for (ScanKind kind : ScanKind.values()) {
            counts.put(kind, sent(kind));
        }
        return counts;
    }

    public Settings settings() {
        return settings;
    }

    private void tick() {
        try {
            if (!connected()) {
                return;
            }
            long due = (long) ((System.nanoTime() - startNanos) / 1e9 * settings.scansPerSecond()) - slots;
            if (due > maxBurst) {
                // slots missed while disconnected or descheduled are skipped, not caught up in a storm
                slots += due - maxBurst;
                due = maxBurst;
            }
            for (; due > 0 && !Thread.currentThread().isInterrupted(); due--) {
                if (pending == null) {
                    pending = generator.next();
                    pendingAt = OffsetDateTime.now();
                }
                sink.send(pending.code(), sequence, pendingAt);
                sentByKind.incrementAndGet(pending.kind().ordinal());
                pending = null;
                sequence++;
                slots++;
            }
        } catch (IOException e) {
            sink.close();
            outage("lost", e);
            nextAttempt = System.nanoTime();
        } catch (RuntimeException e) {
            // an exception escaping a scheduled task cancels it silently; keep the scanner alive instead
            LOG.error("Scanner {} failed a tick", settings.device(), e);
        }
    }

    private boolean connected() {
        if (sink.isConnected()) {
            return true;
        }
        long now = System.nanoTime();
        if (outageSince >= 0 && now - nextAttempt < 0) {
            return false;
        }
        try {
            sink.connect();
        } catch (IOException e) {
            outage("cannot reach", e);
            nextAttempt = now + RETRY_NANOS;
            return false;
        }
        if (outageSince >= 0) {
            LOG.info("Scanner {} reconnected to {} after {} ms", settings.device(), sink.target(),
                    TimeUnit.NANOSECONDS.toMillis(now - outageSince));
            outageSince = -1;
        }
        return true;
    }

    /** Logs the start of an outage once; the scans it delays are not worth a line each. */
    private void outage(String what, IOException cause) {
        if (outageSince < 0) {
            outageSince = System.nanoTime();
            LOG.warn("Scanner {} {} {}: {}; retrying every {} ms", settings.device(), what, sink.target(),
                    cause.getMessage(), TimeUnit.NANOSECONDS.toMillis(RETRY_NANOS));
        }
    }
}
