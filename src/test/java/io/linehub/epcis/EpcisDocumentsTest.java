package io.linehub.epcis;

import static io.linehub.epcis.EpcisFixtures.GTIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linehub.relay.HubEvent;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How hub events map: identifiers, skipping, order, actions, ids and times. Every document is schema-checked. */
class EpcisDocumentsTest {

    private static final String AT = "2025-06-02T08:14:59.123Z";
    private final EpcisDocuments builder = new EpcisDocuments(EpcisFixtures.profile(),
            EpcisFixtures.clockAt("2025-06-02T08:15:00Z"));

    @Test
    void unknown_company_prefix_falls_back_to_digital_link() {
        EpcisDocuments foreign = new EpcisDocuments(EpcisFixtures.profile(List.of("4012345"), ZoneOffset.UTC),
                EpcisFixtures.clockAt("2025-06-02T08:15:00Z"));
        List<JsonNode> events = EpcisFixtures.events(EpcisFixtures.validDocument(foreign, List.of(
                EpcisFixtures.commissioned("e1", AT, "A/b 1"),
                EpcisFixtures.packed("e2", AT, List.of(Map.of("gtin", GTIN, "serial", "XYZ987"))))));
        assertEquals("https://id.gs1.org/01/09501101530003/21/A%2Fb%201", events.get(0).get("epcList").get(0).asText());
        assertEquals("https://id.gs1.org/00/106141412345678908", events.get(1).get("parentID").asText());
        assertEquals("https://id.gs1.org/01/09501101530003/21/XYZ987", events.get(1).get("childEPCs").get(0).asText());
    }

    @Test
    void serial_is_escaped_as_tds_annex_e_shows() {
        EpcisDocuments annexE = new EpcisDocuments(EpcisFixtures.profile(List.of("0614141"), ZoneOffset.UTC),
                EpcisFixtures.clockAt("2025-06-02T08:15:00Z"));
        HubEvent event = new HubEvent("e1", "serial.commissioned", AT, "l", "d", "s", "70614141123451", "32a/b",
                null, null, null, null, null, "commissioned", null, null, null);
        JsonNode commissioning = first(EpcisFixtures.validDocument(annexE, List.of(event)));
        assertEquals("urn:epc:id:sgtin:0614141.712345.32a%2Fb", commissioning.get("epcList").get(0).asText());
        assertFalse(commissioning.has("ilmd"), "no lot or expiry, so no ilmd");
    }

    @Test
    void longest_matching_company_prefix_wins() {
        EpcisDocuments nested = new EpcisDocuments(EpcisFixtures.profile(List.of("061414", "0614141"), ZoneOffset.UTC),
                EpcisFixtures.clockAt("2025-06-02T08:15:00Z"));
        HubEvent event = new HubEvent("e1", "serial.commissioned", AT, "l", "d", "s", "80614141123458", "6789",
                null, null, null, null, null, "commissioned", null, null, null);
        assertEquals("urn:epc:id:sgtin:0614141.812345.6789",
                first(EpcisFixtures.validDocument(nested, List.of(event))).get("epcList").get(0).asText());
    }

    @Test
    void rfid_epc_is_used_verbatim() {
        String epc = "urn:epc:id:sgtin:950110153.0000.XYZ987";
        JsonNode observed = first(EpcisFixtures.validDocument(builder, List.of(
                EpcisFixtures.unitScanned("e1", "tag.observed", "dock", "shipped", "IGNORED", epc))));
        assertEquals(epc, observed.get("epcList").get(0).asText());
        List<Map<String, String>> children = List.of(Map.of("gtin", GTIN, "serial", "X", "epc", epc));
        JsonNode packed = first(EpcisFixtures.validDocument(builder, List.of(EpcisFixtures.packed("e2", AT, children))));
        assertEquals(epc, packed.get("childEPCs").get(0).asText());
    }

    @Test
    void events_epcis_does_not_report_give_no_document() {
        for (String type : new String[] {"scan.rejected", "print.completed", "print.failed", "no.such.type", null}) {
            HubEvent event = EpcisFixtures.scanned("e1", type, AT, "dock", "shipped", "dock-scanner");
            assertEquals(Optional.empty(), builder.document(List.of(event)), String.valueOf(type));
            assertFalse(EpcisDocuments.maps(type), String.valueOf(type));
        }
        assertEquals(Optional.empty(), builder.document(List.of()));
    }

    @Test
    void scan_at_a_commissioning_station_or_without_any_step_is_skipped() {
        assertEquals(Optional.empty(), builder.document(List.of(
                EpcisFixtures.unitScanned("e1", "scan.accepted", "serializer", "commissioned", "XYZ987", null),
                EpcisFixtures.unitScanned("e2", "scan.accepted", "unknown-station", null, "XYZ987", null))));
    }

    @Test
    void mapped_types_are_the_four_epcis_reports() {
        for (String type : List.of("serial.commissioned", "aggregation.packed", "scan.accepted", "tag.observed")) {
            assertTrue(EpcisDocuments.maps(type), type);
        }
    }

    @Test
    void mixed_batch_keeps_its_order_and_drops_the_rest() {
        ObjectNode document = EpcisFixtures.validDocument(builder, List.of(
                EpcisFixtures.commissioned("a1", AT, "XYZ987"),
                EpcisFixtures.scanned("a2", "scan.rejected", AT, "dock", "packed", "dock-scanner"),
                EpcisFixtures.packed("a3", AT, List.of(Map.of("gtin", GTIN, "serial", "XYZ987"))),
                EpcisFixtures.scanned("a4", "print.completed", AT, null, null, "line1-printer"),
                EpcisFixtures.scanned("a5", "scan.accepted", AT, "dock", "shipped", "dock-scanner")));
        List<String> summary = EpcisFixtures.events(document).stream()
                .map(e -> e.get("eventID").asText() + " " + e.get("type").asText() + " " + e.get("bizStep").asText())
                .toList();
        assertEquals(List.of("urn:uuid:a1 ObjectEvent commissioning", "urn:uuid:a3 AggregationEvent packing",
                "urn:uuid:a5 ObjectEvent shipping"), summary);
    }

    @Test
    void decommissioning_deletes() {
        JsonNode configured = first(EpcisFixtures.validDocument(builder, List.of(
                EpcisFixtures.unitScanned("e1", "scan.accepted", "reject-bin", "decommissioned", "XYZ987", null))));
        JsonNode byStatus = first(EpcisFixtures.validDocument(builder, List.of(
                EpcisFixtures.unitScanned("e2", "scan.accepted", "unknown", "decommissioned", "XYZ987", null))));
        for (JsonNode event : List.of(configured, byStatus)) {
            assertEquals("DELETE", event.get("action").asText());
            assertEquals("decommissioning", event.get("bizStep").asText());
            assertEquals("inactive", event.get("disposition").asText());
            assertEquals("urn:epc:id:sgtin:950110153.0000.XYZ987", event.get("epcList").get(0).asText());
        }
    }

    @Test
    void unconfigured_station_steps_follow_the_status() {
        for (String[] row : new String[][] {{"shipped", "shipping", "in_transit"}, {"packed", "packing", "in_progress"},
                {"commissioned", "inspecting", "conformant"}, {"printed", "inspecting", "conformant"}}) {
            JsonNode event = first(EpcisFixtures.validDocument(builder, List.of(
                    EpcisFixtures.unitScanned("e1", "scan.accepted", "unknown", row[0], "XYZ987", null))));
            assertEquals("OBSERVE " + row[1] + " " + row[2], event.get("action").asText() + " "
                    + event.get("bizStep").asText() + " " + event.get("disposition").asText(), row[0]);
        }
    }

    @Test
    void event_id_comes_from_the_hub_event_and_survives_a_retry() {
        List<HubEvent> events = List.of(EpcisFixtures.commissioned("6f1c9a52-0d1e-4d1b-9a53-3c1b9e0b1a01", AT, "XYZ987"));
        ObjectNode first = EpcisFixtures.validDocument(builder, events);
        ObjectNode retry = EpcisFixtures.validDocument(new EpcisDocuments(EpcisFixtures.profile(),
                EpcisFixtures.clockAt("2025-06-02T09:00:00.5Z")), events);
        assertEquals("urn:uuid:6f1c9a52-0d1e-4d1b-9a53-3c1b9e0b1a01", first(first).get("eventID").asText());
        assertEquals(first.get("epcisBody"), retry.get("epcisBody"));
        assertNotEquals(first.get("creationDate"), retry.get("creationDate"));
        assertEquals("2025-06-02T09:00:00.500Z", retry.get("creationDate").asText());
    }

    @Test
    void event_time_is_written_in_the_profile_zone() {
        EpcisDocuments utc = new EpcisDocuments(EpcisFixtures.profile(List.of(), ZoneId.of("UTC")),
                EpcisFixtures.clockAt("2025-06-02T08:15:00Z"));
        JsonNode inUtc = first(EpcisFixtures.validDocument(utc, List.of(EpcisFixtures.commissioned("e1", AT, "1"))));
        assertEquals("2025-06-02T08:14:59.123+00:00", inUtc.get("eventTime").asText());
        assertEquals("+00:00", inUtc.get("eventTimeZoneOffset").asText());
        JsonNode winter = first(EpcisFixtures.validDocument(builder, List.of(
                EpcisFixtures.commissioned("e2", "2025-01-15T07:00:00.123456-05:00", "1"))));
        assertEquals("2025-01-15T13:00:00.123+01:00", winter.get("eventTime").asText());
        assertEquals("+01:00", winter.get("eventTimeZoneOffset").asText());
    }

    @Test
    void unconfigured_device_reads_at_the_site_sgln_with_its_id_as_extension() {
        JsonNode event = first(EpcisFixtures.validDocument(builder, List.of(new HubEvent("e1", "serial.commissioned",
                AT, "l", "cam 7/a", "s", GTIN, "1", null, null, null, null, null, "commissioned", null, null, null))));
        assertEquals("urn:epc:id:sgln:9520123.45678.cam%207%2Fa", event.get("readPoint").get("id").asText());
        EpcisProfile webSite = new EpcisProfile("https://example.com/sites/berlin", Map.of(), Map.of(), List.of(),
                ZoneOffset.UTC);
        JsonNode elsewhere = first(EpcisFixtures.validDocument(new EpcisDocuments(webSite,
                EpcisFixtures.clockAt("2025-06-02T08:15:00Z")), List.of(EpcisFixtures.commissioned("e2", AT, "1"))));
        assertEquals("https://example.com/sites/berlin", elsewhere.get("readPoint").get("id").asText());
    }

    @Test
    void unusable_identifiers_and_times_fail_loudly_naming_the_event() {
        HubEvent badCheckDigit = new HubEvent("bad-1", "serial.commissioned", AT, "l", "d", "s", "09501101530004",
                "1", null, null, null, null, null, "commissioned", null, null, null);
        HubEvent badTime = EpcisFixtures.commissioned("bad-2", "02.06.2025 10:14", "1");
        HubEvent noChildren = EpcisFixtures.packed("bad-3", AT, List.of());
        for (HubEvent event : List.of(badCheckDigit, badTime, noChildren)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> builder.document(List.of(event)));
            assertTrue(e.getMessage().contains(event.eventId()), e.getMessage());
        }
    }

    @Test
    void profile_refuses_prefixes_no_epc_uri_can_hold() {
        assertThrows(IllegalArgumentException.class, () -> EpcisFixtures.profile(List.of("12345"), ZoneOffset.UTC));
        assertThrows(IllegalArgumentException.class, () -> EpcisFixtures.profile(List.of("95011015x"), ZoneOffset.UTC));
    }

    private static JsonNode first(ObjectNode document) {
        return EpcisFixtures.events(document).get(0);
    }
}
