package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.cluster.Ownership;
import io.linehub.ops.HubCounters;
import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.PrinterLabel;
import io.linehub.sim.PrinterSimulator;
import io.linehub.sim.ReceivedEvent;
import io.linehub.sim.ScanMix;
import io.linehub.sim.ScannerSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.linehub.routes.LiveRoutes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

/**
 * The owner hub keeps running but PostgreSQL ends its advisory-lock session (pg_terminate_backend, as a
 * DBA, a failover or a cut connection would): the other hub takes the relay and the printer over, and the
 * fence makes the old owner stop at its next batch or label, long before its own claim tick would notice,
 * so the two never relay or print at the same time.
 */
class LockLossTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final int SCANS = 2_000;
    static final int JOBS = 40;
    /** The owner's claim tick: so slow that only the fence can explain a stop within half of it. */
    static final int OWNER_CLAIM_MS = 5_000;
    static final Path PARTNER_ROUTE = Path.of("src/test/resources/route-fixtures/partner-cluster-events.camel.yaml");
    static final Set<String> SINGLE_OWNER = Set.of("relay-erp", "printer-queue-P1");

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void should_stop_the_owner_at_once_and_hand_over_when_its_lock_session_is_terminated() throws Exception {
        try (LocalServicesEnvironment env = new LocalServicesEnvironment();
             EventReceiver erp = new EventReceiver(0, "/erp/events", true);
             EventReceiver partner = new EventReceiver(0, "/partner/events", true);
             PrinterSimulator printer = new PrinterSimulator(0).start()) {
            erp.start();
            partner.start();
            Map<String, String> cluster = new HashMap<>(Map.of("linehub.cluster.enabled", "true",
                    "linehub.cluster.group", "g" + run, "linehub.mqtt.prefix", "ll" + run,
                    "linehub.destination.erp.types", "scan.accepted", "linehub.printer.poll-ms", "50"));
            cluster.put("partner.cluster-events.url", partner.url());
            String devices = """
                    devices:
                      - {id: P1, kind: printer, line: line1, host: 127.0.0.1, port: %d, template: unit-label}
                    """.formatted(printer.port());
            Map<String, String> ownerSettings = new HashMap<>(cluster);
            ownerSettings.put("linehub.cluster.claim-interval-ms", String.valueOf(OWNER_CLAIM_MS));
            Map<String, String> otherSettings = new HashMap<>(cluster);
            otherSettings.put("linehub.cluster.claim-interval-ms", "250");
            LockSessions locks = new LockSessions(env);
            TestHub a = new TestHub(env, erp.url(), ownerSettings).withDevices(devices);
            TestHub b = new TestHub(env, erp.url(), otherSettings).withDevices(devices);
            ScannerSimulator scanner = null;
            try {
                a.start();
                await("hub A owns the relay and the printer").atMost(WAIT)
                        .until(() -> owned(a).containsAll(SINGLE_OWNER));
                b.start();
                DemoSeeder.seedIfEmpty(b.dataSource(), SCANS);
                for (TestHub hub : List.of(a, b)) {
                    // every hub of the group runs the same partner route; one at a time may drain it
                    new LiveRoutes(hub.hub().context()).replace(PARTNER_ROUTE, Files.readAllBytes(PARTNER_ROUTE),
                            List.of());
                }
                scanner = new ScannerSimulator(new ScannerSimulator.Settings("loss", "loss-mqtt",
                        ScannerSimulator.Transport.MQTT, env.mqttUrl(), "ll" + run, null, 0, 40, 13L),
                        ScanMix.ALL_GOOD, 0, SCANS);
                scanner.start();
                int job = 0;
                for (; job < JOBS / 2; job++) {
                    postJob(job % 2 == 0 ? a : b, job);
                    Thread.sleep(100);
                }
                assertTrue(delivered(a) > 0, "A relays while it owns the relay");
                for (String id : SINGLE_OWNER) {
                    // the partner route loaded live above once made Camel start B's stopped owned routes too
                    assertNotEquals(ServiceStatus.Started, b.hub().context().getRouteController().getRouteStatus(id),
                            "B does not run " + id + " while A owns it");
                }
                assertEquals(a.hubId(), locks.holder("relay-erp"), "PostgreSQL: A holds the relay's lock");

                long cutAt = System.nanoTime();
                assertEquals(1, locks.terminate(a.hubId()), "A's lock session found by its application_name");
                long stoppedMs = -1;
                long takeoverMs = -1;
                long printerTakeoverMs = -1;
                long printerStoppedMs = -1;
                long deliveredByAAtTakeover = -1;
                while ((stoppedMs < 0 || takeoverMs < 0 || printerTakeoverMs < 0 || printerStoppedMs < 0)
                        && System.nanoTime() - cutAt < 15_000_000_000L) {
                    long now = (System.nanoTime() - cutAt) / 1_000_000;
                    if (stoppedMs < 0 && !owned(a).contains("relay-erp")) {
                        stoppedMs = now;
                    }
                    if (takeoverMs < 0 && owned(b).contains("relay-erp")) {
                        // whatever A delivers from now on would overlap with B's relay
                        deliveredByAAtTakeover = delivered(a);
                        takeoverMs = now;
                    }
                    if (printerStoppedMs < 0 && !owned(a).contains("printer-queue-P1")) {
                        printerStoppedMs = now;
                    }
                    if (printerTakeoverMs < 0 && owned(b).contains("printer-queue-P1")) {
                        printerTakeoverMs = now;
                    }
                    Thread.sleep(5);
                }
                assertTrue(stoppedMs >= 0 && printerStoppedMs >= 0 && takeoverMs >= 0 && printerTakeoverMs >= 0,
                        "A stops relay (" + stoppedMs + " ms) and printer (" + printerStoppedMs + " ms), B takes relay (" + takeoverMs + " ms) and printer (" + printerTakeoverMs
                        + " ms) over");
                for (; job < JOBS; job++) {
                    postJob(job % 2 == 0 ? a : b, job); // A's HTTP intake keeps working: jobs wait in the database
                    Thread.sleep(100);
                }
                scanner.stop();
                long sent = scanner.sent();
                Set<String> serials = AcceptedSerials.serials(0, SCANS);
                await("every scan accepted").atMost(WAIT).pollInterval(Duration.ofMillis(300))
                        .until(() -> AcceptedSerials.accepted(erp, serials).size() >= sent);
                await("every scan at the partner").atMost(WAIT).pollInterval(Duration.ofMillis(300))
                        .until(() -> AcceptedSerials.accepted(partner, serials).size() >= sent);
                await("every job printed").atMost(WAIT).pollInterval(Duration.ofMillis(300))
                        .until(() -> labelsOfRun(printer) >= JOBS);
                Thread.sleep(1_000); // a duplicate would come now
                Map<String, Integer> labels = labelsByJob(printer);
                long twice = labels.values().stream().filter(n -> n > 1).count();
                long acceptedTwice = AcceptedSerials.acceptedTwice(erp, serials).size();
                int inversions = inversions(erp, outboxOrder(b));
                System.out.printf("lock loss: sent %d, A stopped its relay %d ms and its printer queue %d ms after"
                        + " its lock session ended (its claim tick: %d ms), B took the relay over in %d ms and the"
                        + " printer in %d ms;"
                        + " A delivered %d then and %d in the end; ERP %s, repeats %d, out of outbox order %d,"
                        + " labels %d; partner route: %d events, repeats %d%n", sent, stoppedMs, printerStoppedMs, OWNER_CLAIM_MS, takeoverMs, printerTakeoverMs,
                        deliveredByAAtTakeover, delivered(a), erp.countsByType(), erp.duplicateCount(), inversions,
                        labels.size(), partner.events().size(), partner.duplicateCount());
                FaultReport.add(new FaultReport.Row("two hubs, the owner's lock session terminated", sent,
                        AcceptedSerials.accepted(erp, serials).size(), erp.distinctCount(), sent - AcceptedSerials.accepted(erp, serials).size(),
                        erp.duplicateCount(), "owner stopped in " + stoppedMs + " ms (fence), takeover in "
                        + takeoverMs + " ms, printer queue stopped in " + printerStoppedMs + " ms; events delivered by the old owner after the takeover: "
                        + (delivered(a) - deliveredByAAtTakeover) + "; labels printed twice: " + twice));
                assertTrue(stoppedMs < OWNER_CLAIM_MS / 2, "the fence stops A's relay at its next batch, not at its"
                        + " claim tick: " + stoppedMs + " ms");
                assertTrue(printerStoppedMs < OWNER_CLAIM_MS / 2, "the fence stops A's printer queue at its next"
                        + " poll, not at its claim tick: " + printerStoppedMs + " ms");
                assertEquals(deliveredByAAtTakeover, delivered(a), "A delivers nothing once B relays");
                assertEquals(ServiceStatus.Stopped, a.hub().context().getRouteController().getRouteStatus("relay-erp"));
                assertEquals(ServiceStatus.Stopped,
                        a.hub().context().getRouteController().getRouteStatus("printer-queue-P1"));
                assertTrue(owned(a).isEmpty(), "A owns nothing: " + owned(a));
                assertEquals(sent, AcceptedSerials.accepted(erp, serials).size(), "every scan accepted");
                assertEquals(0, acceptedTwice, "a scan is accepted once (repeats only of the same eventId)");
                assertEquals(JOBS, labels.size(), "every job printed");
                assertEquals(0, twice, "no label printed twice");
                assertEquals(sent, AcceptedSerials.accepted(partner, serials).size(), "every scan reaches the partner route's receiver");
                assertTrue(partner.duplicateCount() <= 1, "one hub drains the partner route at a time: at most the"
                        + " batch in flight at the handover comes twice, got " + partner.duplicateCount() + " repeats");
            } finally {
                if (scanner != null) {
                    scanner.close();
                }
                a.close();
                b.close();
            }
        }
    }

    private static Set<String> owned(TestHub hub) {
        return hub.hub().bean("ownership", Ownership.class).owned();
    }

    private static long delivered(TestHub hub) {
        return hub.hub().bean("hubCounters", HubCounters.class).deliveredByDestination().getOrDefault("erp", 0L);
    }

    private static String jobSerial(int i) {
        return String.format("LOSS%03dX", i);
    }

    private long labelsOfRun(PrinterSimulator printer) {
        return printer.labels().stream().map(PrinterLabel::text).filter(t -> t.contains("LOSS")).count();
    }

    private static Map<String, Integer> labelsByJob(PrinterSimulator printer) {
        Map<String, Integer> labels = new HashMap<>();
        for (PrinterLabel l : printer.labels()) {
            for (int i = 0; i < JOBS; i++) {
                if (l.text().contains(jobSerial(i))) {
                    labels.merge(jobSerial(i), 1, Integer::sum);
                    break;
                }
            }
        }
        return labels;
    }

    private void postJob(TestHub hub, int i) throws Exception {
        String body = """
                {"printer":"P1","template":"unit-label","copies":1,"fields":{"product":"Lock loss",\
                "gtin":"09501101530003","serial":"%s","lot":"LP1","expiry":"280531"}}""".formatted(jobSerial(i));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hub.httpUrl("/api/print-jobs")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), "job accepted: " + r.body());
    }

    /** The position of each scan.accepted event in the outbox (the order the relay delivers in). */
    private static Map<String, Integer> outboxOrder(TestHub hub) throws Exception {
        Map<String, Integer> order = new HashMap<>();
        try (Connection c = hub.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_id FROM outbox WHERE event_type = 'scan.accepted' ORDER BY id")) {
            while (rs.next()) {
                order.put(rs.getString(1), order.size());
            }
        }
        return order;
    }

    /**
     * Events whose first arrival came after an event later in the outbox. Two relays at once show up here;
     * so can a scan whose transaction committed after a later one's, which the relay delivers when it sees it.
     */
    private static int inversions(EventReceiver erp, Map<String, Integer> order) {
        List<Integer> arrivals = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ReceivedEvent e : erp.events()) {
            if (order.containsKey(e.eventId()) && seen.add(e.eventId())) {
                arrivals.add(order.get(e.eventId()));
            }
        }
        int highest = -1;
        int inversions = 0;
        for (int position : arrivals) {
            if (position < highest) {
                inversions++;
            }
            highest = Math.max(highest, position);
        }
        return inversions;
    }
}
