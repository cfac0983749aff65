package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.relay.HubEvent;
import io.linehub.scan.Scan;
import io.linehub.scan.ScanOutcomeListeners;
import io.linehub.sim.DemoCatalog;
import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.ReceivedEvent;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A scan recorded by the hub whose acknowledgement never reaches the broker (the connection breaks
 * between the commit and the PUBACK): the broker resends it after the reconnect, with the DUP flag and
 * its packet id. A raw barcode carries no timestamp of its own, so only the delivery can tell it is the
 * same scan. It must be recognised as already recorded: no second event, no second acceptance (before,
 * it got a new event id and, once the duplicate window had passed, was accepted a second time).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedeliveredScanContract {

    static final Duration WAIT = Duration.ofSeconds(40);

    private HubEnvironment env;
    private EventReceiver erp;
    private TcpProxy proxy;
    private TestHub hub;

    abstract HubEnvironment environment();

    @BeforeAll
    void startHub() throws Exception {
        env = environment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        URI broker = URI.create(env.mqttUrl());
        proxy = new TcpProxy(broker.getHost(), broker.getPort());
        hub = new TestHub(env, erp.url(), Map.of(
                "linehub.mqtt.url", "tcp://127.0.0.1:" + proxy.port(),
                "linehub.destination.erp.types", "scan.accepted,scan.rejected",
                // past this, a resend taken for a new scan would be accepted a second time, not rejected
                "linehub.duplicate-window-seconds", "1"));
        hub.start();
        DemoSeeder.seedIfEmpty(hub.dataSource(), 1000);
    }

    @AfterAll
    void stopHub() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (erp != null) {
            erp.stop();
        }
        if (env != null) {
            env.close();
        }
    }

    @Test
    void should_record_a_scan_once_when_the_broker_resends_it_after_a_lost_ack() throws Exception {
        // the route then starts a new client on the same session, as the subscription watchdog would
        assertRecordedOnceWhenResent(777, () -> {
            sleep(1_000);
            proxy.restore();
            try {
                hub.hub().context().getRouteController().stopRoute("scan-in-mqtt");
                hub.hub().context().getRouteController().startRoute("scan-in-mqtt");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void assertRecordedOnceWhenResent(int index, Runnable afterTheCut) throws Exception {
        DemoCatalog.Item item = DemoCatalog.item(index);
        String code = DemoCatalog.goodCode(index);
        List<List<HubEvent>> recordings = new CopyOnWriteArrayList<>();
        hub.hub().bean("scanOutcomeListeners", ScanOutcomeListeners.class).add((Scan scan, List<HubEvent> events) -> {
            if (code.equals(scan.data())) {
                recordings.add(events);
                if (recordings.size() == 1) {
                    // committed, not yet acknowledged: the PUBACK cannot reach the broker any more
                    proxy.cut();
                    Thread restore = new Thread(afterTheCut);
                    restore.setDaemon(true);
                    restore.start();
                }
            }
        });

        hub.publish("line1", "scanner-1", code);

        await("the broker resends the scan and the hub sees it again").atMost(WAIT)
                .until(() -> recordings.size() >= 2);
        assertEquals(1, recordings.get(0).size(), "the first delivery is recorded: " + recordings.get(0));
        assertEquals("scan.accepted", recordings.get(0).get(0).type(), "accepted: " + recordings.get(0));
        assertTrue(recordings.get(1).isEmpty(), "the resent delivery is known as recorded, not a new scan: "
                + recordings.get(1));
        ReceivedEvent accepted = await("the accepted event at the ERP").atMost(WAIT).until(
                () -> erp.events().stream().filter(e -> item.serial().equals(e.serial())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertEquals("scan.accepted", accepted.type());
        assertEquals(1, outboxRowsFor(item.serial()), "one event for the serial in the outbox");
        Thread.sleep(500);
        assertEquals(1, erp.events().stream().filter(e -> item.serial().equals(e.serial()))
                .map(ReceivedEvent::eventId).distinct().count(), "one event id at the ERP for the serial");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long outboxRowsFor(String serial) throws Exception {
        try (Connection c = hub.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE payload LIKE ?")) {
            ps.setString(1, "%\"serial\":\"" + serial + "\"%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
