package io.linehub;

import io.linehub.config.ClosingService;
import io.linehub.config.HubProperties;
import io.linehub.ops.HubCounters;
import io.linehub.relay.Destination;
import io.linehub.relay.Destinations;
import io.linehub.relay.OutboxRelay;
import io.linehub.sim.EpcisReceiver;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.ReaderSimulator;
import io.linehub.sim.ScanMix;
import io.linehub.sim.ScannerSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * demo mode's simulated line on loopback: an ERP receiver, scanners on MQTT and TCP, and a console
 * summary every few seconds. Everything stops with the hub.
 */
final class DemoLine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("linehub.demo");

    static final String EPCIS_URL_KEY = "linehub.destination.epcis-partner.url";
    static final int EPCIS_PORT = 8091;
    static final String EPCIS_URL = "http://127.0.0.1:" + EPCIS_PORT + "/epcis/capture";

    private final EventReceiver erp;
    private final EpcisReceiver partner;
    private final List<ScannerSimulator> scanners = new ArrayList<>();
    private final ScheduledExecutorService summary = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "linehub-demo-summary");
        t.setDaemon(true);
        return t;
    });

    private final DemoPrinting printing;
    private ReaderSimulator portal;
    private ReaderSimulator packingTunnel;

    private DemoLine(EventReceiver erp, EpcisReceiver partner, DemoPrinting printing) {
        this.erp = erp;
        this.partner = partner;
        this.printing = printing;
    }

    /** Starts the ERP receiver; call before the relay routes exist so the first delivery finds it. */
    static DemoLine startReceiver(CamelContext context, HubProperties props) throws Exception {
        EventReceiver erp = new EventReceiver(props.getInt("linehub.demo.erp-port", 8090), "/erp/events", false);
        erp.start();
        LOG.info("demo ERP receiver listening on {}", erp.url());
        EpcisReceiver partner = null;
        if (EPCIS_URL.equals(props.get(EPCIS_URL_KEY))) {
            partner = new EpcisReceiver(EPCIS_PORT, "/epcis/capture").start();
            LOG.info("demo EPCIS partner listening on {}", partner.url());
        }
        DemoLine line = new DemoLine(erp, partner, props.getBoolean("linehub.sim.enabled", true)
                ? DemoPrinting.startPrinter(props) : null);
        context.addService(new ClosingService("demoLine", line), true, false);
        return line;
    }

    /** Starts the simulated scanners and the console summary, once the hub's routes run. */
    void startLine(CamelContext context, HubProperties props) {
        if (props.getBoolean("linehub.sim.enabled", true)) {
            double rate = Double.parseDouble(props.get("linehub.demo.scans-per-second", "5"));
            String mqttUrl = props.get("linehub.mqtt.url");
            String prefix = props.get("linehub.mqtt.prefix", "linehub");
            int tcpPort = props.getInt("linehub.tcp.port", 5001);
            // each scanner walks its own serial range, so one scanner's scans do not turn another's into duplicates
            scanners.add(new ScannerSimulator(new ScannerSimulator.Settings("line1", "scanner-1",
                    ScannerSimulator.Transport.MQTT, mqttUrl, prefix, "127.0.0.1", tcpPort, rate, 1L),
                    ScanMix.DEFAULT, 0, 50_000));
            scanners.add(new ScannerSimulator(new ScannerSimulator.Settings("line1", "scanner-2",
                    ScannerSimulator.Transport.MQTT, mqttUrl, prefix, "127.0.0.1", tcpPort, Math.max(0.5, rate / 5), 2L),
                    ScanMix.DEFAULT, 50_000, 10_000));
            scanners.add(new ScannerSimulator(new ScannerSimulator.Settings("line2", "scanner-tcp-1",
                    ScannerSimulator.Transport.TCP, mqttUrl, prefix, "127.0.0.1", tcpPort, rate, 3L),
                    ScanMix.DEFAULT, 60_000, 40_000));
            scanners.forEach(ScannerSimulator::start);
            // a portal reading a case of 12 units (5 reads each) every 3 s, on its own serial range
            portal = new ReaderSimulator(new ReaderSimulator.Settings(mqttUrl, prefix, "line1", "portal-1",
                    90_000, 10_000, 12, 5, Duration.ofSeconds(3), 4L));
            portal.start();
            // a packing tunnel: a case of 6 units with its SSCC tag every 4 s, aggregated by the hub
            packingTunnel = new ReaderSimulator(new ReaderSimulator.Settings(mqttUrl, prefix, "line1", "pack-portal-1",
                    80_000, 10_000, 6, 3, Duration.ofSeconds(4), 5L, true));
            packingTunnel.start();
            LOG.info("demo scanners started: scanner-1 and scanner-2 over MQTT, scanner-tcp-1 over TCP port {}",
                    tcpPort);
        }
        if (printing != null) {
            try {
                printing.startJobs(context, props, summary);
            } catch (Exception e) {
                LOG.warn("demo printing not started: {}", e.getMessage());
            }
        }
        int every = props.getInt("linehub.demo.summary-seconds", 5);
        HubCounters counters = context.getRegistry().lookupByNameAndType("hubCounters", HubCounters.class);
        OutboxRelay relay = context.getRegistry().lookupByNameAndType("outboxRelay", OutboxRelay.class);
        Destinations destinations = context.getRegistry().lookupByNameAndType("destinations", Destinations.class);
        long[] last = {0};
        summary.scheduleAtFixedRate(() -> {
            long scans = counters.scans();
            StringBuilder depth = new StringBuilder();
            for (Destination d : destinations.all()) {
                try {
                    depth.append(' ').append(d.name()).append('=').append(relay.depth(d.name()));
                } catch (Exception e) {
                    depth.append(' ').append(d.name()).append("=?");
                }
            }
            LOG.info("demo: {} scans/s | accepted {} | rejected {} {} | cases packed {} | labels printed {}"
                    + " | delivered {} | ERP received {} | EPCIS received {} | outbox{}",
                    String.format("%.1f", (scans - last[0]) / (double) every), counters.accepted(),
                    counters.rejected(), counters.rejectedByReason(), counters.casesPacked(),
                    printing == null ? 0 : printing.labelsPrinted(), counters.deliveredByDestination(),
                    erp.distinctCount(), partner == null ? "-" : partner.countsByStep(), depth);
            last[0] = scans;
        }, every, every, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        summary.shutdownNow();
        if (printing != null) {
            printing.close();
        }
        scanners.forEach(ScannerSimulator::stop);
        if (portal != null) {
            portal.close();
        }
        if (packingTunnel != null) {
            packingTunnel.close();
        }
        erp.stop();
        if (partner != null) {
            partner.close();
        }
    }
}
