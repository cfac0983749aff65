package io.linehub.e2e;

import static org.awaitility.Awaitility.await;

import io.linehub.sim.EventReceiver;
import io.linehub.sim.ScanMix;
import io.linehub.sim.ScannerSimulator;
import java.time.Duration;
import java.util.Set;

/**
 * Steady load from two simulated scanners (one on MQTT at 40 scans/s, one on TCP at 20 scans/s, each on
 * serials of its own) through a fault, then the count at the ERP receiver by serial and eventId.
 */
final class LoadUnderFault {

    static final Duration DRAIN = Duration.ofSeconds(120);
    static final double MQTT_RATE = 40;
    static final double TCP_RATE = 20;

    /** What the fault does, or how it heals. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private final TestHub hub;
    private final EventReceiver erp;
    private final String mqttUrl;
    private int scenario;

    /** @param firstScenario offsets the serial ranges, so two suites on one database never overlap */
    LoadUnderFault(TestHub hub, EventReceiver erp, String mqttUrl, int firstScenario) {
        this.hub = hub;
        this.erp = erp;
        this.mqttUrl = mqttUrl;
        this.scenario = firstScenario;
    }

    /** Runs steady load through a fault: {@code inject}, hold for {@code hold}, {@code heal}, then counts. */
    FaultReport.Row underLoad(String fault, Action inject, Duration hold, Action heal, String note)
            throws Exception {
        return underLoad(fault, inject, hold, heal, note, true);
    }

    /** @param everySentArrives false where the broker itself may drop scans (no subscription to queue them) */
    FaultReport.Row underLoad(String fault, Action inject, Duration hold, Action heal, String note,
                                      boolean everySentArrives) throws Exception {
        int first = 10_000 * ++scenario;
        ScannerSimulator mqtt = new ScannerSimulator(new ScannerSimulator.Settings("faults", "fault-mqtt-" + scenario,
                ScannerSimulator.Transport.MQTT, mqttUrl, hub.prefix(), null, 0, MQTT_RATE, scenario),
                ScanMix.ALL_GOOD, first, 5_000);
        ScannerSimulator tcp = new ScannerSimulator(new ScannerSimulator.Settings("line2", "scanner-tcp-1",
                ScannerSimulator.Transport.TCP, null, null, "127.0.0.1", hub.tcpPort(), TCP_RATE, 100L + scenario),
                ScanMix.ALL_GOOD, first + 5_000, 5_000);
        long deliveredBefore = erp.distinctCount();
        long repeatsBefore = erp.duplicateCount();
        mqtt.start();
        tcp.start();
        Thread.sleep(2_000);
        inject.run();
        Thread.sleep(hold.toMillis());
        heal.run();
        Thread.sleep(2_000);
        mqtt.stop();
        tcp.stop();
        long sent = mqtt.sent() + tcp.sent();
        Set<String> range = AcceptedSerials.serials(first, 10_000);
        if (everySentArrives) {
            await(fault + ": every sent scan accepted and delivered").atMost(DRAIN)
                    .pollInterval(Duration.ofMillis(500)).until(() -> AcceptedSerials.accepted(erp, range).size() >= sent);
        } else {
            long[] last = {-1};
            await(fault + ": deliveries settle").atMost(DRAIN).pollInterval(Duration.ofSeconds(3))
                    .until(() -> {
                        long now = AcceptedSerials.accepted(erp, range).size();
                        boolean settled = now == last[0];
                        last[0] = now;
                        return settled;
                    });
        }
        long accepted = AcceptedSerials.accepted(erp, range).size();
        long delivered = erp.distinctCount() - deliveredBefore;
        long duplicates = erp.duplicateCount() - repeatsBefore;
        var acceptedTwice = AcceptedSerials.acceptedTwice(erp, range);
        FaultReport.Row row = new FaultReport.Row(fault, sent, accepted, delivered, Math.max(0, sent - accepted),
                duplicates, note + (acceptedTwice.isEmpty() ? "" : "; SERIALS ACCEPTED TWICE: " + acceptedTwice.size()));
        FaultReport.add(row);
        if (!acceptedTwice.isEmpty()) {
            // a serial under two event ids is a scan recorded twice: the details say which delivery it was
            acceptedTwice.forEach((serial, events) -> System.out.println("FAULT ACCEPTED TWICE | " + fault + " | "
                    + serial + " | " + events.stream().map(e -> e.eventId() + " at " + e.occurredAt() + " from "
                    + e.device()).toList()));
            throw new AssertionError("serials accepted under two event ids during '" + fault + "': " + acceptedTwice.keySet());
        }
        return row;
    }
}
