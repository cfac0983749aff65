package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.masterdata.SerialImporter;
import io.linehub.sim.DemoCatalog;
import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.PrinterSimulator;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What an operator sees, read from outside a real hub under load: linehub's MBeans over the platform
 * MBeanServer, the linehub_* series at /observe/metrics, GET /api/status; and the JMX operations taking
 * effect at a simulated printer and an ERP receiver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String GTIN = "09501101530003";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
    private HubEnvironment env;
    private EventReceiver erp;
    private PrinterSimulator printer;
    private TestHub hub;

    @BeforeAll
    void start() throws Exception {
        env = new EmbeddedEnvironment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        printer = new PrinterSimulator(0).start();
        // a first relay failure waits 30 s: only "retry now" can deliver sooner
        hub = new TestHub(env, erp.url(), Map.of("linehub.printer.poll-ms", "50",
                "linehub.relay.backoff-initial-ms", "30000", "linehub.relay.backoff-max-ms", "60000"))
                .withDevices("""
                devices:
                  - {id: P1, kind: printer, line: line1, host: 127.0.0.1, port: %d, template: unit-label}
                  - {id: scanner-1, kind: scanner, line: line1, station: verify, transport: mqtt}
                  - {id: scanner-2, kind: scanner, line: line2, station: verify, transport: mqtt}
                  - {id: tcp-1, kind: scanner, line: line2, station: verify, transport: tcp, address: 127.0.0.2}
                """.formatted(printer.port()));
        hub.start();
        DemoSeeder.seedIfEmpty(hub.dataSource(), 1000);
        StringBuilder csv = new StringBuilder("gtin,serial,lot,expiry,status,product\n");
        for (int i = 0; i < 20; i++) {
            csv.append(GTIN).append(",OPS").append(String.format("%03d", i)).append(",LP1,2028-05-31,provisioned,")
                    .append("Paracetamol 500 mg\n");
        }
        var report = new SerialImporter(hub.dataSource()).importCsv(new StringReader(csv.toString()));
        assertEquals(0, report.rejected(), "pool serials import: " + report.errors());
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        printer.close();
        erp.stop();
        env.close();
    }

    private Object attribute(String type, String name, String attribute) throws Exception {
        return jmx.getAttribute(new ObjectName("linehub:type=" + type + ",name=" + name), attribute);
    }

    private long longAttribute(String type, String name, String attribute) throws Exception {
        return ((Number) attribute(type, name, attribute)).longValue();
    }

    private Object invoke(String type, String name, String operation) throws Exception {
        return jmx.invoke(new ObjectName("linehub:type=" + type + ",name=" + name), operation, null, null);
    }

    /** The value of one linehub_* sample at /observe/metrics whose labels include all given ones; NaN if none. */
    private double metric(String name, String... labels) throws Exception {
        for (String line : hub.httpGet("/observe/metrics").split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            if (Arrays.stream(labels).allMatch(line::contains)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    private JsonNode status() throws Exception {
        return json.readTree(hub.httpGet("/api/status"));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private String postJob() throws Exception {
        // no serial: the hub takes one from the pool
        String body = json.writeValueAsString(Map.of("printer", "P1", "template", "unit-label", "copies", 1,
                "fields", Map.of("product", "Ops test", "gtin", GTIN, "lot", "LP1", "expiry", "280531")));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hub.httpUrl("/api/print-jobs")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), "job accepted: " + r.body());
        return json.readTree(r.body()).path("id").asText();
    }

    @Test
    void should_count_messages_rejects_and_rate_per_device_and_line() throws Exception {
        long before = longAttribute("Device", "scanner-1", "Messages");
        for (int i = 0; i < 40; i++) {
            hub.publish("line1", "scanner-1", DemoCatalog.goodCode(100 + i));
        }
        for (int i = 0; i < 5; i++) {
            hub.publish("line1", "scanner-1", "not a barcode " + i);
        }
        hub.publish("line9", "learner-9", DemoCatalog.goodCode(300));

        await("scanner-1 messages and rejects in JMX").atMost(WAIT).until(() ->
                longAttribute("Device", "scanner-1", "Messages") >= before + 45
                        && longAttribute("Device", "scanner-1", "Rejected") >= 5
                        && longAttribute("Device", "scanner-1", "Accepted") >= 40);
        String[] reasons = (String[]) attribute("Device", "scanner-1", "RejectsByReason");
        assertTrue(reasons.length > 0, "rejects by reason: " + Arrays.toString(reasons));
        String reason = reasons[0].substring(0, reasons[0].indexOf('='));
        assertTrue((Boolean) attribute("Device", "scanner-1", "Online"), "a device that just sent is online");
        assertFalse((Boolean) attribute("Device", "scanner-2", "Online"), "a silent device is not");
        // the rate counts whole seconds only: the scans of the running second show once it is over
        await("line1 scans/s").atMost(WAIT).until(() ->
                ((Number) attribute("Line", "line1", "ScansPerSecond")).doubleValue() > 0);
        await("a learning-mode device appears when first seen").atMost(WAIT).until(() ->
                jmx.isRegistered(new ObjectName("linehub:type=Device,name=learner-9")));
        assertFalse((Boolean) attribute("Device", "learner-9", "Known"), "not in devices.yaml");

        await("metrics follow").atMost(WAIT).until(() ->
                metric("linehub_scans_total", "device=\"scanner-1\"", "result=\"accepted\"", "line=\"line1\"") >= 40
                        && metric("linehub_rejects_total", "device=\"scanner-1\"", "reason=\"" + reason + "\"") >= 1
                        && metric("linehub_device_online", "device=\"scanner-1\"") == 1
                        && metric("linehub_device_online", "device=\"scanner-2\"") == 0
                        && metric("linehub_device_last_seen_seconds", "device=\"scanner-1\"") > 0);

        JsonNode s = status();
        assertTrue(s.path("hub").path("accepted").asLong() >= 40, "hub accepted: " + s.path("hub"));
        assertTrue(s.path("hub").path("rejected").asLong() >= 5, "hub rejected");
        JsonNode device = find(s.path("devices"), "id", "scanner-1");
        assertTrue(device.path("messages").asLong() >= before + 45, "status device: " + device);
        assertTrue(device.path("rejectsByReason").path(reason).asLong() >= 1, "status rejects by reason");
        assertTrue(find(s.path("lines"), "line", "line1").path("accepted").asLong() >= 40, "status line");
        assertFalse(find(s.path("devices"), "id", "learner-9").isMissingNode(), "learning device in status");
    }

    @Test
    void should_hold_jobs_while_a_printer_is_paused_and_print_them_on_resume() throws Exception {
        long printedBefore = longAttribute("Printer", "P1", "Printed");
        invoke("Printer", "P1", "pause");
        long labels = printer.labelCount();
        for (int i = 0; i < 3; i++) {
            postJob();
        }
        await("queue depth 3 while paused").atMost(WAIT).until(() ->
                longAttribute("Printer", "P1", "QueueDepth") == 3
                        && "paused".equals(attribute("Printer", "P1", "Status"))
                        && metric("linehub_printer_queue_depth", "printer=\"P1\"") == 3
                        && metric("linehub_printer_ready", "printer=\"P1\"") == 0);
        Thread.sleep(500);
        assertEquals(labels, printer.labelCount(), "a paused queue sends nothing");
        JsonNode p1 = find(status().path("printers"), "id", "P1");
        assertEquals("paused", p1.path("status").asText(), "status page: " + p1);
        assertEquals(3, p1.path("queueDepth").asLong(), "status page depth");

        invoke("Printer", "P1", "resume");
        await("printed after resume").atMost(WAIT).until(() ->
                printer.labelCount() == labels + 3 && longAttribute("Printer", "P1", "QueueDepth") == 0
                        && longAttribute("Printer", "P1", "Printed") == printedBefore + 3
                        && "ready".equals(attribute("Printer", "P1", "Status")));
        await("labels printed in metrics").atMost(WAIT).until(() ->
                metric("linehub_labels_printed_total", "printer=\"P1\"") >= printedBefore + 3
                        && metric("linehub_printer_ready", "printer=\"P1\"") == 1);
    }

    @Test
    void should_show_paper_out_with_the_queue_waiting() throws Exception {
        long labels = printer.labelCount();
        printer.paperOut(true);
        try {
            await("paper out seen").atMost(WAIT).until(() -> "paper out".equals(attribute("Printer", "P1", "Status")));
            postJob();
            postJob();
            await("jobs wait at a printer out of paper").atMost(WAIT).until(() ->
                    longAttribute("Printer", "P1", "QueueDepth") == 2
                            && metric("linehub_printer_queue_depth", "printer=\"P1\"") == 2);
            assertEquals(labels, printer.labelCount(), "nothing printed without paper");
        } finally {
            printer.paperOut(false);
        }
        await("printed once paper is back").atMost(WAIT).until(() ->
                printer.labelCount() == labels + 2 && longAttribute("Printer", "P1", "QueueDepth") == 0);
    }

    @Test
    void should_show_outbox_growing_while_the_erp_fails_and_deliver_on_retry_now() throws Exception {
        erp.respondWith(500);
        try {
            for (int i = 0; i < 5; i++) {
                hub.publish("line2", "scanner-2", DemoCatalog.goodCode(500 + i));
            }
            await("outbox holds the events for the failing ERP").atMost(WAIT).until(() ->
                    longAttribute("Destination", "erp", "OutboxDepth") >= 5
                            && !"".equals(attribute("Destination", "erp", "FailingSince"))
                            && metric("linehub_outbox_depth", "destination=\"erp\"") >= 5);
            Thread.sleep(1100);
            assertTrue(longAttribute("Destination", "erp", "OldestAgeSeconds") >= 1, "oldest event ages");
            JsonNode erpStatus = find(status().path("destinations"), "name", "erp");
            assertTrue(erpStatus.path("outboxDepth").asLong() >= 5, "status page: " + erpStatus);
            assertFalse(erpStatus.path("failingSince").isNull(), "status page failing since");
        } finally {
            erp.respondWith(200);
        }
        long delivered = longAttribute("Destination", "erp", "Delivered");
        // the relay's backoff is 30 s now: delivery within a few seconds is the operation's doing
        invoke("Destination", "erp", "retryNow");
        await("delivered after retry now").atMost(Duration.ofSeconds(8)).until(() ->
                longAttribute("Destination", "erp", "OutboxDepth") == 0
                        && longAttribute("Destination", "erp", "Delivered") >= delivered + 5
                        && "".equals(attribute("Destination", "erp", "FailingSince")));
        await("delivered in metrics").atMost(WAIT).until(() ->
                metric("linehub_events_delivered_total", "destination=\"erp\"") >= delivered + 5
                        && metric("linehub_outbox_depth", "destination=\"erp\"") == 0
                        && metric("linehub_outbox_oldest_age_seconds", "destination=\"erp\"") == 0);
    }

    @Test
    void should_show_a_tcp_scanner_online_while_its_connection_is_open() throws Exception {
        assertFalse((Boolean) attribute("Device", "tcp-1", "Online"), "no connection yet");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", hub.tcpPort(),
                java.net.InetAddress.getByName("127.0.0.2"), 0)) {
            await("online while connected").atMost(WAIT).until(() -> (Boolean) attribute("Device", "tcp-1", "Online")
                    && metric("linehub_device_online", "device=\"tcp-1\"") == 1);
        }
        await("offline once closed").atMost(WAIT).until(() -> !(Boolean) attribute("Device", "tcp-1", "Online"));
    }

    @Test
    void should_answer_the_whole_status_in_one_document() throws Exception {
        JsonNode s = status();
        assertEquals(hub.hubId(), s.path("hub").path("id").asText(), "hub id");
        assertFalse(s.path("hub").path("startedAt").asText().isEmpty(), "startedAt");
        assertTrue(s.path("hub").has("scansPerSecond"), "scans/s");
        assertFalse(find(s.path("lines"), "line", "line2").isMissingNode(), "declared lines listed");
        assertFalse(find(s.path("devices"), "id", "scanner-2").isMissingNode(), "declared devices listed");
        assertFalse(find(s.path("printers"), "id", "P1").isMissingNode(), "printers listed");
        assertFalse(find(s.path("destinations"), "name", "erp").isMissingNode(), "destinations listed");
        assertTrue(s.path("deadLetters").isNumber(), "dead letters: " + s);
        assertTrue(metric("linehub_dead_letters") >= 0, "dead letters metric");
        assertTrue(jmx.isRegistered(new ObjectName("linehub:type=DeadLetters")), "dead letters MBean");
    }
}
