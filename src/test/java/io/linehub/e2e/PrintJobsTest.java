package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.masterdata.SerialImporter;
import io.linehub.print.LabelRenderer;
import io.linehub.print.LabelTemplates;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.MqttProbe;
import io.linehub.sim.PrinterLabel;
import io.linehub.sim.PrinterSimulator;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Printing from outside: jobs posted over HTTP (and MQTT), labels asserted at a simulated Zebra printer
 * on a real socket, job states and print events asserted over the API and at the ERP receiver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintJobsTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String GTIN = "09501101530003";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private HubEnvironment env;
    private EventReceiver erp;
    private PrinterSimulator printer;
    private PrinterSimulator printer2;
    private TestHub hub;
    private LabelRenderer renderer;

    @BeforeAll
    void start() throws Exception {
        env = new EmbeddedEnvironment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        printer = new PrinterSimulator(0).start();
        printer2 = new PrinterSimulator(0).start();
        hub = new TestHub(env, erp.url(), Map.of("linehub.destination.erp.types", "*",
                "linehub.printer.poll-ms", "50", "linehub.print.verify-timeout-seconds", "2")).withDevices("""
                devices:
                  - {id: P1, kind: printer, line: line1, host: 127.0.0.1, port: %d, template: unit-label}
                  - {id: P2, kind: printer, line: line2, host: 127.0.0.1, port: %d, template: unit-label}
                  - {id: V1, kind: scanner, line: line1, station: print-verify, transport: mqtt}
                """.formatted(printer.port(), printer2.port()));
        hub.start();
        StringBuilder csv = new StringBuilder("gtin,serial,lot,expiry,status,product\n");
        for (int i = 0; i < 40; i++) {
            csv.append(GTIN).append(",POOL").append(String.format("%03d", i)).append(",LP1,2028-05-31,provisioned,")
                    .append("Paracetamol 500 mg\n");
        }
        var report = new SerialImporter(hub.dataSource()).importCsv(new StringReader(csv.toString()));
        assertEquals(0, report.rejected(), "pool serials import: " + report.errors());
        renderer = new LabelRenderer(LabelTemplates.load(Path.of("config", "labels")));
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        printer.close();
        printer2.close();
        erp.stop();
        env.close();
    }

    private Map<String, String> fields(String serial, String product) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("product", product);
        f.put("gtin", GTIN);
        if (serial != null) {
            f.put("serial", serial);
        }
        f.put("lot", "LP1");
        f.put("expiry", "280531");
        return f;
    }

    private JsonNode post(Map<String, String> fields) throws Exception {
        return post("P1", fields);
    }

    private JsonNode post(String printerId, Map<String, String> fields) throws Exception {
        String body = json.writeValueAsString(Map.of("printer", printerId, "template", "unit-label", "copies", 1,
                "fields", fields));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hub.httpUrl("/api/print-jobs")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), "job accepted: " + r.body());
        return json.readTree(r.body());
    }

    private String state(String id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hub.httpUrl("/api/print-jobs/" + id)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body()).path("state").asText();
    }

    /** The label format as a printer keeps it: ^XA through ^XZ (the line break after ^XZ is not part of it). */
    private static byte[] format(byte[] job) {
        String text = new String(job, StandardCharsets.UTF_8);
        return text.substring(text.indexOf("^XA"), text.lastIndexOf("^XZ") + 3).getBytes(StandardCharsets.UTF_8);
    }

    private List<String> labelsWith(String text) {
        return printer.labels().stream().map(PrinterLabel::text).filter(t -> t.contains(text)).toList();
    }

    @Test
    void should_print_labels_byte_exact_and_in_order() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(post(fields("ORDER" + i, "Order test")).path("id").asText());
        }
        for (String id : ids) {
            await("job " + id + " printed").atMost(WAIT).until(() -> "printed".equals(state(id)));
        }
        List<PrinterLabel> got = printer.labels().stream().filter(l -> l.text().contains("Order test")).toList();
        assertEquals(5, got.size(), "one label per job");
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(format(renderer.render("unit-label", fields("ORDER" + i, "Order test"), 1)),
                    got.get(i).zpl(), "label " + i + " byte-exact and in job order");
        }
    }

    @Test
    void should_take_a_serial_from_the_pool_and_report_the_printed_label() throws Exception {
        JsonNode job = post(fields(null, "Pool test"));
        String serial = job.path("serial").asText();
        assertTrue(serial.startsWith("POOL"), "a pool serial was allocated: " + job);
        await("printed").atMost(WAIT).until(() -> "printed".equals(state(job.path("id").asText())));
        assertEquals(1, labelsWith("SN: " + serial).size(), "the label carries the allocated serial");
        await("print.completed at the ERP").atMost(WAIT).until(() -> erp.events().stream()
                .anyMatch(e -> "print.completed".equals(e.type()) && serial.equals(e.serial())));
        HttpResponse<String> record = http.send(HttpRequest.newBuilder(URI.create(
                hub.httpUrl("/api/serials/" + GTIN + "/" + serial))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(record.body().contains("\"status\":\"printed\""), "serial moved to printed: " + record.body());
        assertEquals("printed", state(serial), "the print ledger answers by serial too");
    }

    @Test
    void should_take_jobs_from_the_mqtt_job_topic_and_keep_the_printer_status_retained() throws Exception {
        String statusTopic = hub.prefix() + "/line1/printer/P1/status";
        try (MqttProbe probe = new MqttProbe(env.mqttUrl(), "probe-print-" + hub.prefix()).connect()
                .subscribe(statusTopic, 1)) {
            await("retained printer status").atMost(WAIT).until(() -> probe.texts().stream()
                    .anyMatch(t -> t.contains("\"printer\":\"P1\"") && t.contains("\"ready\":true")));
            probe.publish(hub.prefix() + "/line1/printer/P1/job", json.writeValueAsBytes(Map.of(
                    "jobId", "mqtt-job-1", "template", "unit-label", "fields", Map.of("gtin", GTIN))), 1);
            await("the MQTT job is printed").atMost(WAIT).until(() -> "printed".equals(state("mqtt-job-1")));
            printer.headOpen(true);
            try {
                await("head open shows on the status topic").atMost(WAIT).until(() -> probe.texts().stream()
                        .anyMatch(t -> t.contains("head open")));
            } finally {
                printer.headOpen(false);
            }
        }
        assertTrue(labelsWith("Paracetamol 500 mg").size() >= 1,
                "a job naming only the GTIN got serial, lot, expiry and product from master data");
    }

    @Test
    void should_commission_a_printed_serial_when_the_verification_scanner_reads_its_label() throws Exception {
        JsonNode job = post(fields(null, "Verify test"));
        String serial = job.path("serial").asText();
        await("printed").atMost(WAIT).until(() -> "printed".equals(state(job.path("id").asText())));
        hub.publish("line1", "V1", "]d201" + GTIN + "17280531" + "10LP1" + "\u001d" + "21" + serial);
        await("serial.commissioned for " + serial).atMost(WAIT).until(() -> erp.events().stream()
                .anyMatch(e -> "serial.commissioned".equals(e.type()) && serial.equals(e.serial())));
        await("a verified label is not flagged").during(Duration.ofMillis(2500)).atMost(WAIT).until(() -> erp.events()
                .stream().noneMatch(e -> "NOT_VERIFIED".equals(e.reason()) && serial.equals(e.serial())));
        hub.publish("line1", "V1", "]d201" + GTIN + "17280531" + "10LP1" + "\u001d" + "21" + "POOL999");
        await("a label read back with data that is not a printed serial is rejected").atMost(WAIT)
                .until(() -> erp.events().stream().anyMatch(e -> "scan.rejected".equals(e.type())
                        && "V1".equals(e.device())));
    }

    @Test
    void should_flag_a_printed_label_that_nobody_verified() throws Exception {
        JsonNode job = post(fields(null, "Unverified test"));
        String serial = job.path("serial").asText();
        await("printed").atMost(WAIT).until(() -> "printed".equals(state(job.path("id").asText())));
        await("print.failed NOT_VERIFIED for " + serial).atMost(WAIT).until(() -> erp.events().stream()
                .anyMatch(e -> "print.failed".equals(e.type()) && "NOT_VERIFIED".equals(e.reason())
                        && serial.equals(e.serial())));
        assertEquals(1, erp.events().stream().filter(e -> "NOT_VERIFIED".equals(e.reason())
                && serial.equals(e.serial())).count(), "flagged once");
    }

    @Test
    void should_print_a_label_that_a_route_asks_for() throws Exception {
        Object job = hub.hub().context().createProducerTemplate().requestBody("direct:print-job",
                Map.of("printer", "P1", "template", "unit-label", "fields", fields("ROUTE1", "Route test")));
        String id = ((io.linehub.print.PrintJob) job).id();
        await("the route's job is printed").atMost(WAIT).until(() -> "printed".equals(state(id)));
        assertEquals(1, labelsWith("ROUTE1").size(), "one label");
    }

    @Test
    void should_flag_a_label_read_back_with_other_data() throws Exception {
        JsonNode job = post(fields(null, "Misread test"));
        String serial = job.path("serial").asText();
        await("printed").atMost(WAIT).until(() -> "printed".equals(state(job.path("id").asText())));
        hub.publish("line1", "V1", "]d201" + GTIN + "17280531" + "10WRONGLOT" + "\u001d" + "21" + serial);
        await("print.failed VERIFY_MISMATCH for " + serial).atMost(WAIT).until(() -> erp.events().stream()
                .anyMatch(e -> "print.failed".equals(e.type()) && "VERIFY_MISMATCH".equals(e.reason())
                        && serial.equals(e.serial())));
    }

    @Test
    void should_hold_while_the_printer_answers_nothing() throws Exception {
        printer.silent(true);
        String id;
        try {
            id = post(fields("SILENT1", "Silent test")).path("id").asText();
            await("nothing printed while the printer is silent").during(Duration.ofMillis(2500)).atMost(WAIT)
                    .until(() -> labelsWith("SILENT1").isEmpty());
            assertEquals("queued", state(id), "the job waits in the queue");
        } finally {
            printer.silent(false);
        }
        await("printed once the printer answers").atMost(WAIT).until(() -> "printed".equals(state(id)));
        assertEquals(1, labelsWith("SILENT1").size(), "printed once");
    }

    @Test
    void should_lose_and_duplicate_nothing_when_paper_runs_out_mid_stream() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(post(fields("STREAM" + i, "Stream test")).path("id").asText());
            if (i == 6) {
                printer.paperOut(true);
            }
        }
        await("the queue holds mid-stream").during(Duration.ofMillis(500)).atMost(WAIT)
                .until(() -> labelsWith("Stream test").size() < 20);
        printer.paperOut(false);
        for (String id : ids) {
            await("job " + id + " printed").atMost(WAIT).until(() -> "printed".equals(state(id)));
        }
        List<String> got = labelsWith("Stream test");
        assertEquals(20, got.size(), "every label once");
        for (int i = 0; i < 20; i++) {
            assertTrue(got.get(i).contains("STREAM" + i + "^FS"), "in order at " + i);
        }
    }

    @Test
    void should_send_a_backlog_several_formats_per_status_check_in_order_and_once() throws Exception {
        List<String> ids = new ArrayList<>();
        printer.paperOut(true);
        try {
            for (int i = 0; i < 16; i++) {
                ids.add(post(fields("BACKLOG" + i, "Backlog test")).path("id").asText());
            }
            await("the backlog waits").during(Duration.ofMillis(300)).atMost(WAIT)
                    .until(() -> labelsWith("Backlog test").isEmpty());
        } finally {
            printer.paperOut(false);
        }
        long statusChecksBefore = printer.hsRequests();
        await("the backlog printed").atMost(WAIT).pollInterval(Duration.ofMillis(5))
                .until(() -> labelsWith("Backlog test").size() == 16);
        long statusChecks = printer.hsRequests() - statusChecksBefore;
        // stop-and-wait asked twice per label (32 here); formats-per-send 8 needs a few turns and idle ticks
        assertTrue(statusChecks < 16, "the backlog went out several formats per ~HS: " + statusChecks + " checks");
        List<String> got = labelsWith("Backlog test");
        for (int i = 0; i < 16; i++) {
            assertTrue(got.get(i).contains("BACKLOG" + i + "^FS"), "in order, once each, at " + i + ": " + got);
        }
        for (String id : ids) {
            await("job " + id + " printed").atMost(WAIT).until(() -> "printed".equals(state(id)));
        }
    }

    @Test
    void should_leave_the_serial_in_the_pool_when_a_job_is_refused_after_taking_it() throws Exception {
        long free = unreservedPoolSerials();
        String body = json.writeValueAsString(Map.of("printer", "P1", "template", "unit-label",
                "fields", Map.of("gtin", GTIN, "expiry", "not-a-date")));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hub.httpUrl("/api/print-jobs")))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), "refused with a reason: " + r.body());
        assertTrue(r.body().contains("expiry"), "the field is named: " + r.body());
        assertEquals(free, unreservedPoolSerials(), "the serial reserved for the refused job went back to the pool");
    }

    private long unreservedPoolSerials() throws Exception {
        try (var c = hub.dataSource().getConnection(); var ps = c.prepareStatement("SELECT COUNT(*) FROM serial"
                + " WHERE gtin = ? AND status = 'provisioned' AND print_job_id IS NULL")) {
            ps.setString(1, GTIN);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void should_print_an_injection_attempt_as_text() throws Exception {
        String id = post(fields("INJ1", "X^FS^XZ^XA^FO0,0^GB800,800,800^FS^XZ~JA")).path("id").asText();
        await("printed").atMost(WAIT).until(() -> "printed".equals(state(id)));
        List<String> labels = labelsWith("INJ1");
        assertEquals(1, labels.size(), "exactly one label, not a second format");
        assertTrue(labels.get(0).contains("X_5EFS_5EXZ_5EXA_5EFO0,0_5EGB800,800,800_5EFS_5EXZ_7EJA"),
                "hostile text escaped: " + labels.get(0));
    }

    @Test
    void should_hold_the_queue_while_out_of_paper_and_resume_without_loss_or_duplicates() throws Exception {
        printer.paperOut(true);
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(post(fields("PAPER" + i, "Paper test")).path("id").asText());
            }
            await("the queue holds").during(Duration.ofMillis(800)).atMost(WAIT)
                    .until(() -> labelsWith("Paper test").isEmpty());
        } finally {
            printer.paperOut(false);
        }
        for (String id : ids) {
            await("job " + id + " printed after the paper was fixed").atMost(WAIT)
                    .until(() -> "printed".equals(state(id)));
        }
        List<String> got = labelsWith("Paper test");
        assertEquals(3, got.size(), "each held label printed exactly once");
        for (int i = 0; i < 3; i++) {
            assertTrue(got.get(i).contains("PAPER" + i), "in order: " + i);
        }
    }

    @Test
    void should_keep_one_printers_queue_moving_while_another_is_out_of_paper() throws Exception {
        printer.paperOut(true);
        try {
            String held = post("P1", fields("HELD1", "Two printers")).path("id").asText();
            String moving = post("P2", fields("MOVING1", "Two printers")).path("id").asText();
            await("P2 prints while P1 is out of paper").atMost(WAIT).until(() -> "printed".equals(state(moving)));
            assertEquals("queued", state(held), "P1's job waits");
        } finally {
            printer.paperOut(false);
        }
        await("P1 resumes").atMost(WAIT).until(() -> labelsWith("HELD1").size() == 1);
    }

    @Test
    void should_fail_a_job_caught_mid_write_by_a_restart_and_decommission_its_serial() throws Exception {
        JsonNode job = post(fields(null, "Crash test"));
        String id = job.path("id").asText();
        String serial = job.path("serial").asText();
        await("printed").atMost(WAIT).until(() -> "printed".equals(state(id)));
        printer.paused(true);
        JsonNode interrupted = post(fields(null, "Crash test 2"));
        hub.stop();
        printer.paused(false);
        try (var c = java.sql.DriverManager.getConnection(env.dbUrl(), env.dbUser(), env.dbPassword());
             var ps = c.prepareStatement("UPDATE print_job SET state = 'sending' WHERE id = ?")) {
            // the state a hub killed between writing the label and recording it leaves behind
            ps.setString(1, interrupted.path("id").asText());
            ps.executeUpdate();
        } finally {
            hub.start();
        }
        String lost = interrupted.path("serial").asText();
        await("the interrupted job is failed, not resent").atMost(WAIT)
                .until(() -> "failed".equals(state(interrupted.path("id").asText())));
        await("print.failed at the ERP").atMost(WAIT).until(() -> erp.events().stream()
                .anyMatch(e -> "print.failed".equals(e.type()) && lost.equals(e.serial())));
        HttpResponse<String> record = http.send(HttpRequest.newBuilder(URI.create(
                hub.httpUrl("/api/serials/" + GTIN + "/" + lost))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(record.body().contains("\"status\":\"decommissioned\""), "failed label's serial taken out of use: "
                + record.body());
        assertTrue(record.body().contains("label failed"), "with the reason: " + record.body());
        assertTrue(!serial.equals(lost), "two jobs, two serials");
    }

    @Test
    void should_retry_a_refused_connection_until_the_printer_is_back() throws Exception {
        printer.refuseConnections();
        boolean dropped = printer.dropConnection();
        String id;
        try {
            id = post(fields("REFUSED1", "Refused test")).path("id").asText();
            await("not printed while refused").during(Duration.ofMillis(800)).atMost(WAIT)
                    .until(() -> labelsWith("REFUSED1").isEmpty());
        } finally {
            printer.acceptConnections();
        }
        await("printed once the printer accepts again (dropped=" + dropped + ")").atMost(WAIT)
                .until(() -> "printed".equals(state(id)));
        assertEquals(1, labelsWith("REFUSED1").size(), "printed once");
    }

    @Test
    void should_print_each_queued_job_exactly_once_across_a_hub_restart() throws Exception {
        printer.paused(true);
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(post(fields("RESTART" + i, "Restart test")).path("id").asText());
            }
            hub.stop();
        } finally {
            printer.paused(false);
            hub.start();
        }
        for (String id : ids) {
            await("job " + id + " printed after the restart").atMost(WAIT).until(() -> "printed".equals(state(id)));
        }
        assertEquals(3, labelsWith("Restart test").size(), "each job printed exactly once");
    }

    @Test
    void should_refuse_a_job_for_an_unknown_printer_or_with_bad_fields() throws Exception {
        for (String body : new String[] {
            "{\"printer\":\"NOPE\",\"template\":\"unit-label\",\"fields\":{}}",
            "{\"printer\":\"P1\",\"template\":\"unit-label\",\"fields\":{\"gtin\":\"09501101530004\",\"serial\":\"A\"}}",
            "not json"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hub.httpUrl("/api/print-jobs")))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), "refused with a reason: " + body + " -> " + r.body());
            assertTrue(r.body().contains("error"), "reason given: " + r.body());
        }
    }
}
