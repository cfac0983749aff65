package io.linehub.epcis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.relay.HubEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The relay reads outbox payloads back into {@link HubEvent}s with a plain ObjectMapper before mapping them. */
class EpcisHubEventJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void event_with_children_and_product_survives_a_round_trip() throws Exception {
        HubEvent packed = new HubEvent("0b5c2f0e-8d44-4a6e-b0c4-6a4e1f7d2b10", "aggregation.packed",
                "2025-06-02T08:29:30.000Z", "line1", "line1-packer", "packer", null, null, null, null,
                EpcisFixtures.SSCC, null, Map.of("gtin", EpcisFixtures.GTIN, "name", "Demo", "packSize", 10), "packed",
                null, null, null, List.of(Map.of("gtin", EpcisFixtures.GTIN, "serial", "XYZ987"),
                Map.of("gtin", EpcisFixtures.GTIN, "serial", "XYZ988", "epc", "urn:epc:id:sgtin:950110153.0000.XYZ988")));
        assertEquals(packed, json.readValue(json.writeValueAsString(packed), HubEvent.class));
    }

    @Test
    void event_from_the_short_constructor_round_trips_without_null_fields() throws Exception {
        HubEvent accepted = EpcisFixtures.scanned("c3d0f7b1-5a8e-4f0a-9d7e-2b6c4e8a1f33", "scan.accepted",
                "2025-06-03T05:45:00.000Z", "dock", "shipped", "dock-scanner");
        String text = json.writeValueAsString(accepted);
        assertFalse(text.contains("null"), text);
        assertFalse(text.contains("children"), text);
        assertEquals(accepted, json.readValue(text, HubEvent.class));
    }

    @Test
    void contract_shaped_payload_reads_into_the_canonical_record() throws Exception {
        String payload = """
                {"eventId": "6f1c9a52-0d1e-4d1b-9a53-3c1b9e0b1a01", "type": "tag.observed",
                 "occurredAt": "2025-06-02T08:14:59.123Z", "line": "line1", "device": "reader-1", "station": "dock",
                 "gtin": "09501101530003", "serial": "XYZ987", "epc": "urn:epc:id:sgtin:950110153.0000.XYZ987",
                 "product": {"gtin": "09501101530003", "name": "Demo"}, "status": "shipped"}""";
        HubEvent event = json.readValue(payload, HubEvent.class);
        assertEquals("urn:epc:id:sgtin:950110153.0000.XYZ987", event.epc());
        assertEquals(Map.of("gtin", "09501101530003", "name", "Demo"), event.product());
        assertNull(event.children());
        assertNull(event.lot());
    }
}
