package io.linehub.epcis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linehub.relay.HubEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The site of the shared vectors as a profile, hub events for it, and a builder that checks every document. */
final class EpcisFixtures {

    static final String SITE = "urn:epc:id:sgln:9520123.45678.0";
    /** urn:epc:id:sgtin:950110153.0000.XYZ987: indicator 0 + prefix 950110153 + item reference 000 + check digit. */
    static final String GTIN = "09501101530003";
    /** urn:epc:id:sscc:0614141.1234567890: extension 1 + prefix 0614141 + serial reference 234567890 + check digit. */
    static final String SSCC = "106141412345678908";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EpcisFixtures() {
    }

    static EpcisProfile profile() {
        return profile(List.of("950110153", "0614141"), ZoneId.of("Europe/Berlin"));
    }

    static EpcisProfile profile(List<String> companyPrefixes, ZoneId zone) {
        return new EpcisProfile(SITE,
                Map.of("line1-printer", "urn:epc:id:sgln:9520123.45678.1",
                        "line1-packer", "urn:epc:id:sgln:9520123.45678.1",
                        "dock-scanner", "urn:epc:id:sgln:9520123.45678.2"),
                Map.of("dock", new EpcisStep("shipping", "in_transit"),
                        "serializer", new EpcisStep("commissioning", "active"),
                        "reject-bin", new EpcisStep("decommissioning", "inactive")),
                companyPrefixes, zone);
    }

    static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    static HubEvent commissioned(String id, String at, String serial) {
        return new HubEvent(id, "serial.commissioned", at, "line1", "line1-printer", "serializer", GTIN, serial,
                "ABC123", "2027-05-31", null, null, Map.of("gtin", GTIN, "name", "Demo 10 mg"), "commissioned",
                null, null, null);
    }

    static HubEvent packed(String id, String at, List<Map<String, String>> children) {
        return new HubEvent(id, "aggregation.packed", at, "line1", "line1-packer", "packer", null, null, null, null,
                SSCC, null, null, "packed", null, null, null, children);
    }

    static HubEvent scanned(String id, String type, String at, String station, String status, String device) {
        return new HubEvent(id, type, at, "line1", device, station, null, null, null, null, SSCC, null, null,
                status, null, null, null);
    }

    static HubEvent unitScanned(String id, String type, String station, String status, String serial, String epc) {
        return new HubEvent(id, type, "2025-06-02T09:00:00Z", "line1", "line1-printer", station, GTIN, serial,
                null, null, null, epc, null, status, null, null, null);
    }

    /** Builds the document and insists it is valid EPCIS before anything else looks at it. */
    static ObjectNode validDocument(EpcisDocuments builder, List<HubEvent> events) {
        String json = builder.document(events).orElseThrow(() -> new AssertionError("no document for " + events));
        assertEquals(Set.of(), EpcisJsonSchema.validate(json), json);
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> events(ObjectNode document) {
        List<JsonNode> events = new ArrayList<>();
        document.path("epcisBody").path("eventList").forEach(events::add);
        return events;
    }
}
