package io.linehub.epcis;

import static io.linehub.epcis.EpcisFixtures.GTIN;
import static io.linehub.epcis.EpcisFixtures.SSCC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linehub.gs1.CheckDigit;
import io.linehub.relay.HubEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hub events equivalent to each shared vector give valid documents whose events equal the vector's
 * in everything the hub can know (not: business transactions, sources, destinations).
 */
class EpcisVectorsTest {

    private static final List<String> HUB_KNOWS = List.of("type", "eventTime", "eventTimeZoneOffset", "epcList",
            "parentID", "childEPCs", "action", "bizStep", "disposition", "readPoint", "bizLocation", "ilmd");

    @Test
    void keys_behind_the_vector_epcs_have_the_right_check_digits() {
        assertEquals(GTIN, CheckDigit.append("0" + "950110153" + "000"));
        assertEquals(SSCC, CheckDigit.append("1" + "0614141" + "234567890"));
    }

    @Test
    void commissioning_matches_vector_01() {
        ObjectNode vector = EpcisVectors.read(EpcisVectors.COMMISSIONING);
        ObjectNode document = build(vector, List.of(
                EpcisFixtures.commissioned("6f1c9a52-0d1e-4d1b-9a53-3c1b9e0b1a01", "2025-06-02T08:14:59.123Z", "XYZ987"),
                EpcisFixtures.commissioned("6f1c9a52-0d1e-4d1b-9a53-3c1b9e0b1a02", "2025-06-02T08:14:59.123Z", "XYZ988")));
        // one hub event per unit, so the vector's two-unit event arrives as two one-unit events
        List<JsonNode> events = EpcisFixtures.events(document);
        assertEquals(2, events.size());
        ArrayNode units = new ObjectMapper().createArrayNode();
        for (JsonNode event : events) {
            ObjectNode expected = knowable(EpcisVectors.firstEvent(vector));
            ObjectNode actual = knowable(event);
            assertEquals(fieldNames(expected), fieldNames(actual), "field order");
            units.addAll((ArrayNode) actual.remove("epcList"));
            expected.remove("epcList");
            assertEquals(expected, actual);
        }
        assertEquals(EpcisVectors.firstEvent(vector).get("epcList"), units);
    }

    @Test
    void packing_matches_vector_02() {
        ObjectNode vector = EpcisVectors.read(EpcisVectors.PACKING);
        ObjectNode document = build(vector, List.of(EpcisFixtures.packed("0b5c2f0e-8d44-4a6e-b0c4-6a4e1f7d2b10",
                "2025-06-02T08:29:30Z", List.of(Map.of("gtin", GTIN, "serial", "XYZ987"),
                        Map.of("gtin", GTIN, "serial", "XYZ988")))));
        assertMatches(vector, document);
    }

    @Test
    void shipping_scan_matches_vector_03() {
        ObjectNode vector = EpcisVectors.read(EpcisVectors.SHIPPING);
        ObjectNode document = build(vector, List.of(EpcisFixtures.scanned("c3d0f7b1-5a8e-4f0a-9d7e-2b6c4e8a1f33",
                "scan.accepted", "2025-06-03T05:45:00.000Z", "dock", "shipped", "dock-scanner")));
        assertMatches(vector, document);
    }

    /** Same clock as the vector's creationDate, so the document envelope must match exactly too. */
    private static ObjectNode build(ObjectNode vector, List<HubEvent> events) {
        EpcisDocuments builder = new EpcisDocuments(EpcisFixtures.profile(),
                EpcisFixtures.clockAt(vector.get("creationDate").asText()));
        ObjectNode document = EpcisFixtures.validDocument(builder, events);
        ObjectNode envelope = document.deepCopy();
        ObjectNode expectedEnvelope = vector.deepCopy();
        envelope.remove("epcisBody");
        expectedEnvelope.remove("epcisBody");
        assertEquals(expectedEnvelope, envelope);
        assertEquals(new ArrayList<>(List.of("@context", "type", "schemaVersion", "creationDate", "epcisBody")),
                fieldNames(document));
        return document;
    }

    private static void assertMatches(ObjectNode vector, ObjectNode document) {
        List<JsonNode> events = EpcisFixtures.events(document);
        assertEquals(1, events.size());
        ObjectNode expected = knowable(EpcisVectors.firstEvent(vector));
        ObjectNode actual = knowable(events.get(0));
        assertEquals(expected, actual);
        assertEquals(fieldNames(expected), fieldNames(actual), "field order");
    }

    /** The fields the hub can know, in the event's own order. */
    private static ObjectNode knowable(JsonNode event) {
        ObjectNode kept = new ObjectMapper().createObjectNode();
        event.fields().forEachRemaining(f -> {
            if (HUB_KNOWS.contains(f.getKey())) {
                kept.set(f.getKey(), f.getValue());
            }
        });
        return kept;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
