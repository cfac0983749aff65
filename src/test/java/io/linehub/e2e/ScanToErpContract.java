package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.masterdata.SerialImporter;
import io.linehub.sim.DemoCatalog;
import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.MqttProbe;
import io.linehub.sim.ReceivedEvent;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The scan pipeline driven from outside, as devices and an ERP see it: scans published to a real MQTT
 * broker or written to a real TCP socket, events asserted at a real HTTP receiver. Runs once on the
 * embedded defaults and once on Mosquitto + PostgreSQL (subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScanToErpContract {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String GS = "\u001d";

    HubEnvironment env;
    EventReceiver erp;
    TestHub hub;

    abstract HubEnvironment environment();

    @BeforeAll
    void startHub() throws Exception {
        env = environment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        hub = new TestHub(env, erp.url(), Map.of());
        hub.start();
        DemoSeeder.seedIfEmpty(hub.dataSource(), 3000);
        var report = new SerialImporter(hub.dataSource()).importCsv(new StringReader("""
                gtin,serial,lot,expiry,status,product
                09501101530003,PROV-1,L1,2028-05-31,provisioned,Paracetamol 500 mg tablets
                09501101530003,DECOM-1,L1,2028-05-31,decommissioned,
                """));
        assertEquals(0, report.rejected(), "test master data imports cleanly: " + report.errors());
    }

    @AfterAll
    void stopHub() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (erp != null) {
            erp.stop();
        }
        if (env != null) {
            env.close();
        }
    }

    ReceivedEvent awaitEvent(String serial, String type) {
        return await("event " + type + " for serial " + serial).atMost(WAIT).until(
                () -> find(serial, type), Optional::isPresent).orElseThrow();
    }

    Optional<ReceivedEvent> find(String serial, String type) {
        return erp.events().stream().filter(e -> serial.equals(e.serial()) && type.equals(e.type())).findFirst();
    }

    ReceivedEvent awaitRejection(String device, String reason) {
        return await("scan.rejected " + reason + " from " + device).atMost(WAIT).until(
                () -> erp.events().stream().filter(e -> "scan.rejected".equals(e.type())
                        && device.equals(e.device()) && reason.equals(e.reason())).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    long rejectionsFrom(String device, String reason) {
        return erp.events().stream().filter(e -> "scan.rejected".equals(e.type()) && device.equals(e.device())
                && reason.equals(e.reason())).count();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void should_deliver_a_good_mqtt_scan_to_the_erp_as_accepted() throws Exception {
        DemoCatalog.Item item = DemoCatalog.item(11);
        hub.publish("line1", "scanner-1", DemoCatalog.goodCode(11));
        ReceivedEvent e = awaitEvent(item.serial(), "scan.accepted");
        assertEquals(item.gtin(), e.gtin(), "gtin");
        assertEquals(item.lot(), e.lot(), "lot");
        assertEquals(item.expiry().toString(), e.expiry(), "expiry as YYYY-MM-DD");
        assertEquals("line1", e.line(), "line from devices.yaml");
        assertEquals("scanner-1", e.device(), "device");
        assertEquals("commissioned", e.status(), "verify station keeps the status");
        assertEquals(item.product().name(), e.product().path("name").asText(), "product master data");
        assertTrue(e.occurredAt().getOffset() != null, "occurredAt has an offset");
    }

    @Test
    void should_publish_every_event_on_its_mqtt_event_topic() throws Exception {
        try (MqttProbe probe = new MqttProbe(env.mqttUrl(), "probe-" + hub.prefix()).connect()
                .subscribe(hub.prefix() + "/+/event/#", 1)) {
            DemoCatalog.Item item = DemoCatalog.item(80);
            hub.publish("line1", "scanner-1", DemoCatalog.goodCode(80));
            String topic = hub.prefix() + "/line1/event/scan.accepted";
            MqttProbe.Received event = await("scan.accepted on " + topic).atMost(WAIT).until(
                    () -> probe.messages().stream().filter(m -> m.topic().equals(topic)
                            && m.text().contains(item.serial())).findFirst(), Optional::isPresent).orElseThrow();
            ReceivedEvent atErp = awaitEvent(item.serial(), "scan.accepted");
            assertTrue(event.text().contains(atErp.eventId()), "same event (same eventId) on MQTT as at the ERP");
        }
    }

    @Test
    void should_keep_the_retained_hub_status_true_across_a_restart() throws Exception {
        String topic = hub.prefix() + "/hub/status";
        try (MqttProbe probe = new MqttProbe(env.mqttUrl(), "status-" + hub.prefix()).connect().subscribe(topic, 1)) {
            await("retained online").atMost(WAIT).until(() -> probe.texts().contains("online"));
            probe.clear();
            hub.stop();
            try {
                await("offline on a clean stop").atMost(WAIT).until(() -> probe.texts().contains("offline"));
            } finally {
                hub.start();
            }
            await("online again after the restart").atMost(WAIT).until(() -> probe.texts().contains("online"));
        }
    }

    @Test
    void should_accept_tcp_scans_in_every_framing() throws Exception {
        String[][] framings = {{"", "\r"}, {"", "\n"}, {"", "\r\n"}, {"\u0002", "\u0003"}};
        for (int f = 0; f < framings.length; f++) {
            int index = 20 + f;
            hub.sendTcp(bytes(framings[f][0] + DemoCatalog.goodCode(index) + framings[f][1]));
        }
        for (int f = 0; f < framings.length; f++) {
            ReceivedEvent e = awaitEvent(DemoCatalog.item(20 + f).serial(), "scan.accepted");
            assertEquals("scanner-tcp-1", e.device(), "TCP scanner known by its address, framing " + f);
            assertEquals("line2", e.line(), "line of the TCP scanner, framing " + f);
        }
    }

    @Test
    void should_keep_a_tcp_connection_serving_after_an_oversized_frame_and_garbage() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(bytes("X".repeat(10_000) + "\r\n"));
        wire.write(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, 0x07, (byte) 0x80, '\n'});
        wire.write(bytes(DemoCatalog.goodCode(30) + "\r\n"));
        hub.sendTcp(wire.toByteArray());
        awaitEvent(DemoCatalog.item(30).serial(), "scan.accepted");
        await("two INVALID_BARCODE rejections from the TCP scanner").atMost(WAIT)
                .until(() -> rejectionsFrom("scanner-tcp-1", "INVALID_BARCODE") >= 2);
        assertTrue(erp.events().stream().anyMatch(e -> "INVALID_BARCODE".equals(e.reason())
                && e.json().path("detail").asText().contains("exceeds")), "oversized frame named as such");
    }

    @Test
    void should_reject_garbage_with_invalid_barcode() throws Exception {
        hub.publish("line9", "garbage-1", "HELLO WORLD");
        ReceivedEvent e = awaitRejection("garbage-1", "INVALID_BARCODE");
        assertEquals("line9", e.line(), "line from the topic for a device in learning mode");
    }

    @Test
    void should_reject_binary_and_malformed_json_payloads() throws Exception {
        hub.publish("line9", "binary-1", new byte[] {(byte) 0xC3, (byte) 0x28, 0x00, (byte) 0xFF});
        hub.publish("line9", "json-1", "{\"data\": \"]d201095011015300031727053110ABC");
        awaitRejection("binary-1", "INVALID_BARCODE");
        ReceivedEvent json = awaitRejection("json-1", "INVALID_BARCODE");
        assertTrue(json.json().path("detail").asText().contains("JSON"), "reason names the malformed JSON");
    }

    @Test
    void should_reject_an_unknown_serial() throws Exception {
        hub.publish("line1", "scanner-1", DemoCatalog.unknownSerialCode(1));
        ReceivedEvent e = awaitRejection("scanner-1", "UNKNOWN_SERIAL");
        assertNotNull(e.serial(), "the unknown serial is named");
    }

    @Test
    void should_reject_a_lot_mismatch() throws Exception {
        hub.publish("line1", "scanner-1", DemoCatalog.mismatchCode(40));
        ReceivedEvent e = awaitEvent(DemoCatalog.item(40).serial(), "scan.rejected");
        assertEquals("DATA_MISMATCH", e.reason(), "reason");
    }

    @Test
    void should_reject_a_second_acceptance_within_the_window_as_duplicate() throws Exception {
        hub.publish("line1", "scanner-1", DemoCatalog.goodCode(50));
        hub.publish("line1", "scanner-1", DemoCatalog.goodCode(50) + "\r\n");
        String serial = DemoCatalog.item(50).serial();
        awaitEvent(serial, "scan.accepted");
        ReceivedEvent dup = awaitEvent(serial, "scan.rejected");
        assertEquals("DUPLICATE", dup.reason(), "reason");
    }

    @Test
    void should_move_status_at_a_packing_station_and_refuse_a_wrong_status() throws Exception {
        hub.publish("line1", "scanner-2", DemoCatalog.goodCode(60));
        ReceivedEvent packed = awaitEvent(DemoCatalog.item(60).serial(), "scan.accepted");
        assertEquals("packed", packed.status(), "packing station sets packed");

        hub.publish("line1", "scanner-2", "]d20109501101530003" + "17280531" + "10L1" + GS + "21PROV-1");
        ReceivedEvent conflict = awaitEvent("PROV-1", "scan.rejected");
        assertEquals("STATUS_CONFLICT", conflict.reason(), "provisioned serial at a packing station");

        hub.publish("line1", "scanner-1", "]d20109501101530003" + "17280531" + "10L1" + GS + "21DECOM-1");
        assertEquals("STATUS_CONFLICT", awaitEvent("DECOM-1", "scan.rejected").reason(),
                "a decommissioned serial fails verification");

        HttpResponse<String> record = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(hub.httpUrl("/api/serials/" + DemoCatalog.item(60).gtin() + "/"
                        + DemoCatalog.item(60).serial()))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, record.statusCode(), "serial lookup answers: " + record.body());
        assertTrue(record.body().contains("\"packed\""), "record shows the new status: " + record.body());
        assertTrue(record.body().contains("scanner-2"), "history names the device: " + record.body());
    }

    @Test
    void should_use_the_scanner_timestamp_of_a_json_payload() throws Exception {
        hub.publish("line1", "scanner-1", "{\"data\": \"" + DemoCatalog.goodCode(70).replace(GS, "\\u001d")
                + "\", \"ts\": \"2026-11-21T10:15:30.250+01:00\"}");
        ReceivedEvent e = awaitEvent(DemoCatalog.item(70).serial(), "scan.accepted");
        assertEquals("2026-11-21T09:15:30.250Z", e.occurredAt().toInstant().toString(), "occurredAt = ts");
    }

    @Test
    void should_deliver_every_event_in_order_after_the_erp_failed_for_a_while() throws Exception {
        erp.respondWith(500);
        int first = 100;
        int count = 20;
        try {
            for (int i = first; i < first + count; i++) {
                hub.publish("line1", "scanner-1", DemoCatalog.goodCode(i));
            }
            await("the relay retried against the failing ERP").atMost(WAIT)
                    .until(() -> erp.failedPostCount() >= 3);
            assertTrue(find(DemoCatalog.item(first).serial(), "scan.accepted").isEmpty(),
                    "nothing counts as received while the ERP fails");
        } finally {
            erp.reset();
        }
        for (int i = first; i < first + count; i++) {
            awaitEvent(DemoCatalog.item(i).serial(), "scan.accepted");
        }
        List<String> order = erp.eventsForLine("line1").stream()
                .filter(e -> e.serial() != null && e.serial().compareTo(DemoCatalog.item(first).serial()) >= 0
                        && e.serial().compareTo(DemoCatalog.item(first + count - 1).serial()) <= 0)
                .map(ReceivedEvent::serial).toList();
        List<String> expected = java.util.stream.IntStream.range(first, first + count)
                .mapToObj(i -> DemoCatalog.item(i).serial()).toList();
        assertEquals(expected, order, "every event once, in scan order for the line, none invented");
    }

    @Test
    void should_lose_nothing_when_the_hub_stops_with_scans_in_flight() throws Exception {
        int first = 200;
        int count = 300;
        int half = count / 2;
        for (int i = first; i < first + half; i++) {
            hub.publish("line1", "scanner-1", DemoCatalog.goodCode(i));
        }
        await("the hub is processing the first scans").atMost(WAIT)
                .until(() -> find(DemoCatalog.item(first).serial(), "scan.accepted").isPresent());
        hub.stop();
        try {
            for (int i = first + half; i < first + count; i++) {
                hub.publish("line1", "scanner-1", DemoCatalog.goodCode(i));
            }
        } finally {
            hub.start();
        }
        for (int i = first; i < first + count; i++) {
            awaitEvent(DemoCatalog.item(i).serial(), "scan.accepted");
        }
        long accepted = erp.events().stream().filter(e -> "scan.accepted".equals(e.type()) && e.serial() != null
                && e.serial().compareTo(DemoCatalog.item(first).serial()) >= 0
                && e.serial().compareTo(DemoCatalog.item(first + count - 1).serial()) <= 0).count();
        assertEquals(count, accepted, "each scan accepted exactly once across the restart");
    }

    @Test
    void should_keep_the_order_of_scans_on_one_tcp_connection() throws Exception {
        int first = 600;
        int count = 25;
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = first; i < first + count; i++) {
            wire.write(bytes(DemoCatalog.goodCode(i) + "\r"));
        }
        hub.sendTcp(wire.toByteArray());
        for (int i = first; i < first + count; i++) {
            awaitEvent(DemoCatalog.item(i).serial(), "scan.accepted");
        }
        List<String> expected = java.util.stream.IntStream.range(first, first + count)
                .mapToObj(i -> DemoCatalog.item(i).serial()).toList();
        List<String> order = erp.eventsForLine("line2").stream().map(ReceivedEvent::serial)
                .filter(expected::contains).toList();
        assertEquals(expected, order, "events of one connection in the order the scanner sent them");
    }

    @Test
    void should_import_a_csv_dropped_into_the_inbox() throws Exception {
        java.nio.file.Path inbox = java.nio.file.Path.of(hub.dataDir(), "inbox", "serials");
        java.nio.file.Files.writeString(inbox.resolve("drop.csv.tmp"),
                "serial,gtin,expiry,lot\nDROP-1,09501101530003,2029-03-31,LD1\nDROP-2,123,2029-03-31,LD1\n");
        java.nio.file.Files.move(inbox.resolve("drop.csv.tmp"), inbox.resolve("drop.csv"));
        await("the dropped file is imported").atMost(WAIT).until(() -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(hub.httpUrl("/api/serials/09501101530003/DROP-1"))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        java.nio.file.Path report = inbox.resolve(".done").resolve("drop.csv.report.json");
        await("the import report is written").atMost(WAIT).until(() -> java.nio.file.Files.exists(report));
        String text = java.nio.file.Files.readString(report);
        assertTrue(text.contains("\"line\" : 3"), "the bad row is reported with its line: " + text);
    }

    @Test
    void should_import_serials_over_http_and_report_bad_rows() throws Exception {
        String csv = "gtin,serial,lot,expiry\n09501101530003,HTTP-1,L9,2029-01-31\n09501101530004,HTTP-2,L9,2029-01-31\n";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(hub.httpUrl("/api/master-data/serials"))).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "import answers: " + r.body());
        assertTrue(r.body().contains("\"inserted\":1"), "one good row: " + r.body());
        assertTrue(r.body().contains("\"line\":3"), "bad row reported with its line: " + r.body());
        HttpResponse<String> missing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(hub.httpUrl("/api/serials/09501101530003/NOPE"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode(), "unknown serial is 404");
    }
}
