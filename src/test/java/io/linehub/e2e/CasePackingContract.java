package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.linehub.epc.EpcEncoder;
import io.linehub.epc.EpcTag;
import io.linehub.gs1.CheckDigit;
import io.linehub.masterdata.SerialImporter;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.MqttProbe;
import io.linehub.sim.ReceivedEvent;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Aggregation over a real broker and database: a portal (pack-portal-1) reads whole cases, a scanner
 * (packer-1) scans a case label and then its units; master data and the ERP receiver show the result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CasePackingContract {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String GTIN = "09501101530003";
    static final String LINE = "line1";

    private HubEnvironment env;
    private EventReceiver erp;
    private TestHub hub;
    private MqttProbe portal;

    @BeforeAll
    void start() throws Exception {
        env = environment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        hub = new TestHub(env, erp.url(), Map.of("linehub.destination.erp.types", "*",
                "linehub.aggregation.read-window-ms", "700", "linehub.aggregation.sequence-idle-ms", "1500"));
        hub.start();
        StringBuilder csv = new StringBuilder("gtin,serial,lot,expiry,status\n");
        for (int i = 1; i <= 100; i++) {
            csv.append(GTIN).append(',').append(i).append(",LP1,2028-05-31,")
                    .append(i == 99 ? "printed" : "commissioned").append('\n');
        }
        var report = new SerialImporter(hub.dataSource()).importCsv(new StringReader(csv.toString()));
        assertEquals(0, report.rejected(), "serials import: " + report.errors());
        portal = new MqttProbe(env.mqttUrl(), "portal-" + hub.prefix()).connect();
    }

    abstract HubEnvironment environment();

    @AfterAll
    void stop() throws Exception {
        portal.close();
        hub.close();
        erp.stop();
        env.close();
    }

    static String sscc(int n) {
        return CheckDigit.append("0" + "0614141" + String.format("%09d", n));
    }

    static String unitHex(int serial) {
        return ((EpcTag) EpcEncoder.encodeGtin(GTIN, String.valueOf(serial), 9, 1)).hex();
    }

    static String caseHex(String sscc) {
        return ((EpcTag) EpcEncoder.encodeSscc(sscc, 7, 0)).hex();
    }

    /** A tunnel read: every tag of the case several times, on several antennas, in a few messages. */
    private void portalReads(String caseHexOrNull, int... serials) throws Exception {
        Instant t = Instant.now();
        for (int round = 0; round < 3; round++) {
            List<String> reads = new ArrayList<>();
            for (int s : serials) {
                reads.add(read(unitHex(s), round, t.plusMillis(round * 40L)));
            }
            if (caseHexOrNull != null) {
                reads.add(read(caseHexOrNull, round, t.plusMillis(round * 40L + 5)));
            }
            portal.publish(hub.prefix() + "/" + LINE + "/rfid/pack-portal-1/reads",
                    ("[" + String.join(",", reads) + "]").getBytes(StandardCharsets.UTF_8), 1);
        }
    }

    private static String read(String hex, int antenna, Instant ts) {
        return "{\"epc\":\"" + hex + "\",\"antenna\":" + (1 + antenna % 4) + ",\"rssi\":-50,\"ts\":\"" + ts + "\"}";
    }

    private List<ReceivedEvent> packed(String sscc) {
        return erp.events().stream().filter(e -> "aggregation.packed".equals(e.type())
                && sscc.equals(e.json().path("sscc").asText())).toList();
    }

    private List<ReceivedEvent> rejected(String device, String serial) {
        return erp.events().stream().filter(e -> "scan.rejected".equals(e.type()) && device.equals(e.device())
                && serial.equals(e.serial())).toList();
    }

    private static List<String> childSerials(ReceivedEvent e) {
        JsonNode children = e.json().path("children");
        return StreamSupport.stream(children.spliterator(), false).map(c -> c.path("serial").asText()).sorted().toList();
    }

    private String[] parentAndStatus(String serial) throws Exception {
        try (Connection c = hub.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT parent_sscc, status FROM serial WHERE gtin = ? AND serial = ?")) {
            ps.setString(1, GTIN);
            ps.setString(2, serial);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    @Test
    void should_aggregate_a_portal_read_of_a_case_and_ignore_a_second_read() throws Exception {
        String sscc = sscc(1);
        portalReads(caseHex(sscc), 1, 2, 3, 4, 5, 6);
        await("the case is packed once the tunnel is quiet").atMost(WAIT).until(() -> packed(sscc).size() == 1);
        ReceivedEvent event = packed(sscc).get(0);
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), childSerials(event), "children");
        assertEquals("packed", event.status(), "status");
        assertEquals("pack-portal-1", event.device(), "device");
        assertTrue(event.json().path("epc").asText().startsWith("urn:epc:id:sscc:0614141."), "the case's EPC");
        assertTrue(event.json().path("children").get(0).path("epc").asText().startsWith("urn:epc:id:sgtin:"),
                "each child's EPC");
        for (int s = 1; s <= 6; s++) {
            assertEquals(List.of(sscc, "packed"), List.of(parentAndStatus(String.valueOf(s))), "unit " + s);
        }
        String history = hub.httpGet("/api/serials/" + GTIN + "/3");
        assertTrue(history.contains("packed into case " + sscc), "history names the case: " + history);
        assertTrue(history.contains("\"parentSscc\":\"" + sscc + "\""), "the record names its case: " + history);

        // the same case passes the tunnel again: nothing new to record
        portalReads(caseHex(sscc), 1, 2, 3, 4, 5, 6);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> packed(sscc).size() == 1
                && erp.events().stream().noneMatch(e -> "scan.rejected".equals(e.type())
                && sscc.equals(e.json().path("sscc").asText())));
    }

    @Test
    void should_report_a_unit_packed_elsewhere_unknown_or_in_a_wrong_status_and_pack_the_rest() throws Exception {
        String first = sscc(10);
        String second = sscc(11);
        portalReads(caseHex(first), 20, 21);
        await("first case").atMost(WAIT).until(() -> packed(first).size() == 1);
        // unit 21 is already in the first case, 99 is only printed, 500 is unknown; 22 is fine
        List<String> reads = new ArrayList<>();
        Instant t = Instant.now();
        for (int s : new int[] {21, 22, 99, 500}) {
            reads.add(read(unitHex(s), 1, t));
        }
        reads.add(read(caseHex(second), 1, t));
        portal.publish(hub.prefix() + "/" + LINE + "/rfid/pack-portal-1/reads",
                ("[" + String.join(",", reads) + "]").getBytes(StandardCharsets.UTF_8), 1);
        await("second case").atMost(WAIT).until(() -> packed(second).size() == 1
                && rejected("pack-portal-1", "500").size() == 1);
        assertEquals(List.of("22"), childSerials(packed(second).get(0)), "only the good unit is packed");
        ReceivedEvent conflict = rejected("pack-portal-1", "21").get(0);
        assertEquals("STATUS_CONFLICT", conflict.reason(), "unit packed elsewhere");
        assertTrue(conflict.json().path("detail").asText().contains(first), "names the case it is in");
        assertEquals(second, conflict.json().path("sscc").asText(), "names the case it was read with");
        assertEquals("STATUS_CONFLICT", rejected("pack-portal-1", "99").get(0).reason(), "printed, not commissioned");
        assertEquals("UNKNOWN_SERIAL", rejected("pack-portal-1", "500").get(0).reason(), "unknown");
        assertEquals(List.of(first, "packed"), List.of(parentAndStatus("21")), "not silently re-packed");
        assertEquals("printed", parentAndStatus("99")[1], "wrong-status unit untouched");
    }

    @Test
    void should_reject_units_read_without_a_case_label() throws Exception {
        portalReads(null, 40, 41);
        await("both reported").atMost(WAIT).until(() -> rejected("pack-portal-1", "40").size() == 1
                && rejected("pack-portal-1", "41").size() == 1);
        assertEquals("DATA_MISMATCH", rejected("pack-portal-1", "40").get(0).reason(), "reason");
        assertEquals(List.of("commissioned"), List.of(parentAndStatus("40")[1]), "not packed");
    }

    @Test
    void should_pack_a_scanner_sequence_of_case_labels_and_units() throws Exception {
        String c1 = sscc(20);
        String c2 = sscc(21);
        String unit = "]d201" + GTIN + "17280531" + "10LP1" + "\u001d" + "21";
        hub.publish(LINE, "packer-1", "]C100" + c1);
        for (int s = 60; s <= 62; s++) {
            hub.publish(LINE, "packer-1", unit + s);
        }
        hub.publish(LINE, "packer-1", "]C100" + c2);
        hub.publish(LINE, "packer-1", unit + 63);
        hub.publish(LINE, "packer-1", unit + 64);
        await("the next label closes the first case at once").atMost(WAIT).until(() -> packed(c1).size() == 1);
        assertEquals(List.of("60", "61", "62"), childSerials(packed(c1).get(0)), "first case");
        await("the second case closes when the packer is idle").atMost(WAIT).until(() -> packed(c2).size() == 1);
        assertEquals(List.of("63", "64"), childSerials(packed(c2).get(0)), "second case");
        assertEquals(c2, parentAndStatus("64")[0], "parent in master data");
    }

    @Test
    void should_keep_an_open_case_across_a_restart() throws Exception {
        String sscc = sscc(30);
        portalReads(caseHex(sscc), 80, 81, 82);
        // the reads are acknowledged once stored in the case_read table: stop before the window closes
        hub.stop();
        hub.start();
        await("the case read before the restart is packed after it").atMost(WAIT)
                .until(() -> packed(sscc).size() == 1);
        assertEquals(List.of("80", "81", "82"), childSerials(packed(sscc).get(0)), "children");
    }
}
