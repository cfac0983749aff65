package io.linehub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Breaks things on purpose under steady load from simulated scanners (MQTT and TCP) and counts, by
 * serial and eventId, what the ERP receiver got: zero accepted scans lost, zero events lost, duplicates
 * only as repeats of an eventId. Each fault appends a row to target/fault-report.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {


    private EmbeddedEnvironment env;
    private EventReceiver erp;
    private TestHub hub;
    private LoadUnderFault load;

    @BeforeAll
    void start() throws Exception {
        env = EmbeddedEnvironment.withPersistentBroker();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        hub = new TestHub(env, erp.url(), Map.of(
                "linehub.destination.erp.types", "scan.accepted",
                "camel.component.http.response-timeout", "2000",
                "camel.component.http.so-timeout", "2000",
                "linehub.watchdog.interval-ms", "1000",
                "linehub.watchdog.silence-ms", "5000"));
        hub.start();
        DemoSeeder.seedIfEmpty(hub.dataSource(), 100_000);
        load = new LoadUnderFault(hub, erp, env.mqttUrl(), 0);
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        erp.stop();
        env.close();
    }

    static void assertNothingLost(FaultReport.Row row) {
        assertTrue(row.sent() > 100, "load ran: " + row);
        assertEquals(row.sent(), row.accepted(), "every sent scan accepted: " + row);
        assertEquals(0, row.lost(), "nothing lost: " + row);
    }

    @Test
    @Order(1)
    void erp_answering_500() throws Exception {
        assertNothingLost(load.underLoad("ERP answers 500 for 12 s", () -> erp.respondWith(500), Duration.ofSeconds(12),
                erp::reset, "events wait in the outbox, retried with backoff"));
    }

    @Test
    @Order(2)
    void erp_timing_out() throws Exception {
        assertNothingLost(load.underLoad("ERP times out for 12 s", () -> erp.delayResponses(Duration.ofSeconds(3)),
                Duration.ofSeconds(12), erp::reset, "a timed-out batch the ERP kept arrives again (same eventIds)"));
    }

    @Test
    @Order(3)
    void erp_refusing_connections() throws Exception {
        assertNothingLost(load.underLoad("ERP refuses connections for 12 s", erp::refuseConnections, Duration.ofSeconds(12),
                erp::acceptConnections, "connect fails fast; backoff up to 30 s"));
    }

    @Test
    @Order(4)
    void mqtt_broker_stopped_for_30_s() throws Exception {
        assertNothingLost(load.underLoad("MQTT broker stopped 30 s (persistent sessions)", env.broker()::stop,
                Duration.ofSeconds(30), env.broker()::start, "hub and scanners reconnect; TCP unaffected"));
    }

    @Test
    @Order(5)
    void zombie_subscription_is_noticed_and_healed() throws Exception {
        ObjectName watchdog = new ObjectName("linehub:type=Watchdog");
        var jmx = ManagementFactory.getPlatformMBeanServer();
        long restartsBefore = (Long) jmx.getAttribute(watchdog, "Restarts");
        FaultReport.Row row = load.underLoad("zombie subscription (broker drops it, connection stays)",
                () -> assertTrue(env.broker().dropSubscriptions(hub.hubId()) > 0, "subscriptions dropped"),
                Duration.ofSeconds(8), () -> { }, "watchdog resubscribes within ~6 s; MQTT scans published while no"
                        + " subscription existed were dropped by the broker, never seen by the hub", false);
        assertTrue((Long) jmx.getAttribute(watchdog, "Restarts") > restartsBefore, "the watchdog acted (JMX): "
                + List.of((String[]) jmx.getAttribute(watchdog, "States")) + " restarts "
                + jmx.getAttribute(watchdog, "Restarts") + " before " + restartsBefore);
        await("the watchdog reports the route healthy again").atMost(Duration.ofSeconds(10))
                .until(() -> List.of((String[]) jmx.getAttribute(watchdog, "States")).contains("scan-in-mqtt: OK"));
        // the broker could only drop what was published in the silent window, at most ~6 s of 40 scans/s
        assertTrue(row.lost() <= LoadUnderFault.MQTT_RATE * 8, "loss bounded by the watchdog's reaction: " + row);
        // and the healed subscription carries everything again
        assertNothingLost(load.underLoad("after the zombie: steady load", () -> { }, Duration.ofSeconds(2), () -> { },
                "the resubscribed route receives all"));
    }
}
