package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.cluster.Ownership;
import io.linehub.mqtt.SubscriptionWatchdog;
import io.linehub.ops.HubCounters;
import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.PrinterLabel;
import io.linehub.sim.PrinterSimulator;
import io.linehub.sim.ScanMix;
import io.linehub.sim.ScannerSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two hubs of one cluster on the same PostgreSQL schema and MQTT prefix: they share the scans, one of
 * them relays and prints. That one is a separate JVM, SIGKILLed under load: the other takes the relay and
 * the printer over, the killed hub's share of scans waits in its broker session until it comes back
 * under the same hub id, and in the end no scan is lost or accepted twice and no label printed twice.
 */
class TwoHubsTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final int SCANS = 2_500;
    static final int JOBS = 60;
    static final Set<String> SINGLE_OWNER = Set.of("relay-erp", "printer-queue-P1");

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void should_share_scans_and_hand_relay_and_printer_over_when_the_owner_is_killed() throws Exception {
        try (LocalServicesEnvironment env = new LocalServicesEnvironment();
             EventReceiver erp = new EventReceiver(0, "/erp/events", true);
             PrinterSimulator printer = new PrinterSimulator(0).start()) {
            erp.start();
            Map<String, String> cluster = new HashMap<>(Map.of("linehub.cluster.enabled", "true",
                    "linehub.cluster.group", "g" + run, "linehub.cluster.claim-interval-ms", "500",
                    "linehub.mqtt.prefix", "lc" + run, "linehub.destination.erp.types", "scan.accepted",
                    "linehub.printer.poll-ms", "50"));
            // a fast watchdog: each hub must hear its own probes although its input topics are shared
            cluster.put("linehub.watchdog.interval-ms", "300");
            cluster.put("linehub.watchdog.silence-ms", "1500");
            String devices = """
                    devices:
                      - {id: P1, kind: printer, line: line1, host: 127.0.0.1, port: %d, template: unit-label}
                    """.formatted(printer.port());
            LockSessions locks = new LockSessions(env);
            HubProcess a = new HubProcess(env, "ka" + run, erp.url(), cluster, devices);
            TestHub b = new TestHub(env, erp.url(), cluster).withDevices(devices);
            ScannerSimulator scanner = null;
            try {
                a.start();
                await("hub A owns the relay and the printer").atMost(WAIT).until(() ->
                        a.hubId().equals(locks.holder("relay-erp")) && a.hubId().equals(locks.holder("printer-queue-P1")));
                b.start();
                DemoSeeder.seedIfEmpty(b.dataSource(), SCANS);
                scanner = new ScannerSimulator(new ScannerSimulator.Settings("two", "two-mqtt",
                        ScannerSimulator.Transport.MQTT, env.mqttUrl(), "lc" + run, null, 0, 40, 11L),
                        ScanMix.ALL_GOOD, 0, SCANS);
                scanner.start();
                AtomicInteger jobs = new AtomicInteger();
                for (int i = 0; i < JOBS / 2; i++) {
                    postJob(i % 2 == 0 ? a.httpUrl("/api/print-jobs") : b.httpUrl("/api/print-jobs"),
                            jobs.getAndIncrement());
                    Thread.sleep(150);
                }
                long acceptedByA = a.accepted();
                long acceptedByB = b.hub().bean("hubCounters", HubCounters.class).accepted();
                assertTrue(acceptedByA > 0 && acceptedByB > 0,
                        "both hubs take scans: A " + acceptedByA + ", B " + acceptedByB);
                assertTrue(owned(b).isEmpty(), "B owns nothing while A lives: " + owned(b));
                // its relay and printer routes are stopped on purpose: that must not keep it out of service
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(b.httpUrl("/observe/health")))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), "the hub that owns nothing is ready: " + health.body());
                SubscriptionWatchdog watchdog = b.hub().bean("subscriptionWatchdog", SubscriptionWatchdog.class);
                assertEquals(0, watchdog.restarts(), "no silent subscription restarted: " + watchdog.states());
                assertTrue(watchdog.states().values().stream().allMatch(SubscriptionWatchdog.State.OK::equals),
                        "every watched subscription hears its own probes: " + watchdog.states());

                long killedAt = System.nanoTime();
                a.kill(); // SIGKILL under load: scans and jobs keep coming
                await("B takes over relay and printer").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                        .until(() -> owned(b).containsAll(SINGLE_OWNER));
                long takeoverMs = (System.nanoTime() - killedAt) / 1_000_000;
                assertEquals(b.hubId(), locks.holder("relay-erp"), "PostgreSQL agrees: B holds the relay's lock");
                while (jobs.get() < JOBS) {
                    postJob(b.httpUrl("/api/print-jobs"), jobs.getAndIncrement());
                    Thread.sleep(150);
                }
                scanner.stop();
                long sent = scanner.sent();
                Set<String> serials = AcceptedSerials.serials(0, SCANS);
                long[] last = {-1};
                await("B's share settles").atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    long now = AcceptedSerials.accepted(erp, serials).size();
                    boolean settled = now == last[0];
                    last[0] = now;
                    return settled;
                });
                long waiting = sent - AcceptedSerials.accepted(erp, serials).size();
                assertTrue(waiting > 0, "the killed hub's share waits in its broker session: " + waiting);

                long restartedAt = System.nanoTime();
                a.start(); // the same hub id, so the same MQTT session with the share queued for it
                long restartMs = (System.nanoTime() - restartedAt) / 1_000_000;
                await("every scan accepted").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                        .until(() -> AcceptedSerials.accepted(erp, serials).size() >= sent);
                long drainMs = (System.nanoTime() - restartedAt) / 1_000_000 - restartMs;
                await("every job printed").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> labelsOfRun(printer) >= JOBS);
                Thread.sleep(1_000); // a duplicate would come now
                Map<String, Integer> labels = new HashMap<>();
                for (PrinterLabel l : printer.labels()) {
                    for (int i = 0; i < JOBS; i++) {
                        if (l.text().contains(jobSerial(i))) {
                            labels.merge(jobSerial(i), 1, Integer::sum);
                            break;
                        }
                    }
                }
                long twice = labels.values().stream().filter(n -> n > 1).count();
                long acceptedTwice = AcceptedSerials.acceptedTwice(erp, serials).size();
                long accepted = AcceptedSerials.accepted(erp, serials).size();
                System.out.printf("two hubs: sent %d, A accepted %d and B %d before the kill, takeover %d ms,"
                        + " %d scans waited for A's return, A restarted in %d ms and they were accepted %d ms later, ERP %s,"
                        + " labels %d%n", sent, acceptedByA, acceptedByB, takeoverMs, waiting, restartMs, drainMs,
                        erp.countsByType(), labels.size());
                FaultReport.add(new FaultReport.Row("two hubs, the owner killed (SIGKILL) under load", sent, accepted,
                        erp.distinctCount(), sent - accepted, erp.duplicateCount(),
                        "takeover of relay and printer in " + takeoverMs + " ms; " + waiting + " scans queued in the"
                                + " killed hub's session, accepted " + drainMs + " ms after it was back (restart " + restartMs
                                + " ms); " + JOBS
                                + " jobs, labels printed twice: " + twice + "; serials accepted under two eventIds: "
                                + acceptedTwice));
                assertEquals(sent, accepted, "every scan accepted");
                assertEquals(0, acceptedTwice, "a scan is accepted once (repeats only of the same eventId)");
                assertEquals(JOBS, labels.size(), "every job printed");
                assertEquals(0, twice, "no label printed twice");
                assertTrue(owned(b).containsAll(SINGLE_OWNER), "B keeps what it took over: " + owned(b));
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

    private static String jobSerial(int i) {
        return String.format("TWO%03dX", i);
    }

    private long labelsOfRun(PrinterSimulator printer) {
        return printer.labels().stream().map(PrinterLabel::text).filter(t -> t.contains("TWO")).count();
    }

    private void postJob(String url, int i) throws Exception {
        String body = """
                {"printer":"P1","template":"unit-label","copies":1,"fields":{"product":"Two hubs",\
                "gtin":"09501101530003","serial":"%s","lot":"LP1","expiry":"280531"}}""".formatted(jobSerial(i));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), "job accepted: " + r.body());
    }
}
