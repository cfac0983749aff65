package io.linehub.sim;

import io.linehub.epc.EpcEncoder;
import io.linehub.epc.EpcTag;
import io.linehub.gs1.CheckDigit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RFID portal as a Zebra reader with the IoT Connector reports it: every pass, one case of demo units
 * goes through and each tag is read several times on several antennas, published as one array of
 * Zebra-shaped reads (lower-case idHex, timestamp offset without a colon) on {prefix}/{line}/rfid/{device}/reads.
 * A packing tunnel ({@code caseTags}) also reads the case's own SSCC tag, and every fifth case carries a
 * stray unit of the case before it, which the hub must report rather than re-pack.
 */
public final class ReaderSimulator implements AutoCloseable {

    /** Where the portal publishes, which demo units pass it, and how often. */
    public record Settings(String mqttUrl, String topicPrefix, String line, String device, int firstItem,
                           int items, int tagsPerCase, int readsPerTag, Duration passEvery, long seed,
                           boolean caseTags) {

        public Settings(String mqttUrl, String topicPrefix, String line, String device, int firstItem, int items,
                        int tagsPerCase, int readsPerTag, Duration passEvery, long seed) {
            this(mqttUrl, topicPrefix, line, device, firstItem, items, tagsPerCase, readsPerTag, passEvery, seed,
                    false);
        }
    }

    /** Company prefix of the demo's case labels (SSCC extension digit 0). */
    static final String CASE_COMPANY_PREFIX = "0614141";
    private static final int STRAY_UNIT_EVERY = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ReaderSimulator.class);
    private static final DateTimeFormatter ZEBRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final Settings settings;
    private final Random random;
    private final AtomicLong readsSent = new AtomicLong();
    private ScheduledExecutorService scheduler;
    private MqttClient client;
    private int nextItem;
    private final long seedBase;
    private int cases;
    private String previousCaseUnitHex;

    public ReaderSimulator(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        // a demo database outlives a run: start each run's case labels at a fresh serial reference
        this.seedBase = (Instant.now().getEpochSecond() % 1_000_000L) * 1_000L;
    }

    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reader-sim-" + settings.device());
            t.setDaemon(true);
            return t;
        });
        long every = settings.passEvery().toMillis();
        scheduler.scheduleAtFixedRate(this::pass, every, every, TimeUnit.MILLISECONDS);
    }

    /** The array of reads one case produces passing the portal now: every tag, several times. */
    public String casePass(Instant now) {
        List<String> hexes = new ArrayList<>();
        for (int t = 0; t < settings.tagsPerCase(); t++) {
            DemoCatalog.Item item = DemoCatalog.item(settings.firstItem() + (nextItem++ % settings.items()));
            hexes.add(((EpcTag) EpcEncoder.encodeGtin(item.gtin(), item.serial(), item.product()
                    .companyPrefixLength(), 1)).hex().toLowerCase());
        }
        if (settings.caseTags()) {
            cases++;
            if (cases % STRAY_UNIT_EVERY == 0 && previousCaseUnitHex != null) {
                hexes.add(previousCaseUnitHex);
            }
            previousCaseUnitHex = hexes.get(0);
            hexes.add(((EpcTag) EpcEncoder.encodeSscc(sscc(cases), CASE_COMPANY_PREFIX.length(), 0)).hex()
                    .toLowerCase());
        }
        List<String> reads = new ArrayList<>();
        for (String hex : hexes) {
            for (int r = 0; r < settings.readsPerTag(); r++) {
                Instant at = now.plusMillis(random.nextInt(400));
                reads.add("{\"data\":{\"antenna\":" + (1 + random.nextInt(4)) + ",\"eventNum\":" + readsSent.get()
                        + ",\"format\":\"epc\",\"idHex\":\"" + hex + "\",\"peakRssi\":" + (-40 - random.nextInt(30))
                        + ",\"reads\":1},\"timestamp\":\"" + ZEBRA_TIME.format(at) + "\",\"type\":\"SIMPLE\"}");
            }
        }
        return "[" + String.join(",", reads) + "]";
    }

    /** The demo's n-th case label: extension 0, the demo prefix, a serial reference unique per run. */
    private String sscc(int n) {
        long reference = (seedBase + n) % 1_000_000_000L;
        return CheckDigit.append("0" + CASE_COMPANY_PREFIX + String.format("%09d", reference));
    }

    private void pass() {
        try {
            if (client == null || !client.isConnected()) {
                client = new MqttClient(settings.mqttUrl(), "reader-sim-" + settings.device(), new MemoryPersistence());
                MqttConnectionOptions options = new MqttConnectionOptions();
                options.setCleanStart(true);
                client.connect(options);
            }
            String topic = settings.topicPrefix() + "/" + settings.line() + "/rfid/" + settings.device() + "/reads";
            client.publish(topic, casePass(Instant.now()).getBytes(StandardCharsets.UTF_8), 1, false);
            readsSent.addAndGet((long) settings.tagsPerCase() * settings.readsPerTag());
        } catch (Exception e) {
            LOG.warn("reader {} cannot publish: {}", settings.device(), e.getMessage());
            client = null;
        }
    }

    public long readsSent() {
        return readsSent.get();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        try {
            if (client != null && client.isConnected()) {
                client.disconnect();
            }
        } catch (Exception e) {
            // stopping anyway
        }
    }
}
