package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.linehub.epc.EpcEncoder;
import io.linehub.epc.EpcTag;
import io.linehub.epcis.EpcisJsonSchema;
import io.linehub.masterdata.SerialImporter;
import io.linehub.sim.EpcisReceiver;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.MqttProbe;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A serialization partner configured with format: epcis receives, over real HTTP, EPCIS 2.0 documents
 * for a unit's life at the plant (commissioning, packing into a case, shipping, decommissioning), and
 * every document validates against GS1's EPCIS 2.0 JSON schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EpcisDestinationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String GTIN = "09501101530003";
    /** The SSCC of the shared packing vector, urn:epc:id:sscc:0614141.1234567890. */
    static final String SSCC = "106141412345678908";
    static final String DEVICES = """
            devices:
              - {id: verifier-9, kind: scanner, line: line1, station: print-verify, transport: mqtt,
                 read-point: "urn:epc:id:sgln:9520123.45678.1"}
              - {id: pack-portal-9, kind: rfid, line: line1, station: case-packing, transport: mqtt}
              - {id: shipper-9, kind: scanner, line: line1, station: shipping, transport: mqtt}
              - {id: bin-9, kind: scanner, line: line1, station: decommissioning, transport: mqtt}
            """;

    private HubEnvironment env;
    private EventReceiver erp;
    private EpcisReceiver partner;
    private TestHub hub;
    private MqttProbe portal;

    @BeforeAll
    void start() throws Exception {
        env = new EmbeddedEnvironment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        partner = new EpcisReceiver(0, "/epcis/capture").start();
        hub = new TestHub(env, erp.url(), Map.of("linehub.destination.erp.types", "*",
                "linehub.destination.epcis-partner.url", partner.url(),
                "linehub.epcis.company-prefixes", "950110153,0614141",
                "linehub.epcis.time-zone", "Europe/Berlin",
                "linehub.aggregation.read-window-ms", "500")).withDevices(DEVICES);
        hub.start();
        StringBuilder csv = new StringBuilder("gtin,serial,lot,expiry,status\n");
        for (int i = 1; i <= 4; i++) {
            csv.append(GTIN).append(",XYZ98").append(i).append(",ABC123,2027-05-31,printed\n");
        }
        var report = new SerialImporter(hub.dataSource()).importCsv(new StringReader(csv.toString()));
        assertEquals(0, report.rejected(), "serials import: " + report.errors());
        portal = new MqttProbe(env.mqttUrl(), "portal-" + hub.prefix()).connect();
    }

    @AfterAll
    void stop() throws Exception {
        portal.close();
        hub.close();
        partner.close();
        erp.stop();
        env.close();
    }

    private static String unitScan(int i) {
        return "]d201" + GTIN + "17270531" + "10ABC123" + "\u001d" + "21XYZ98" + i;
    }

    private static String read(String hex, Instant ts) {
        return "{\"epc\":\"" + hex + "\",\"antenna\":1,\"ts\":\"" + ts + "\"}";
    }

    @Test
    void should_deliver_a_units_life_as_valid_epcis_documents() throws Exception {
        for (int i = 1; i <= 4; i++) {
            hub.publish("line1", "verifier-9", unitScan(i));
        }
        await("commissioning").atMost(WAIT).until(() -> partner.countsByStep()
                .getOrDefault("ObjectEvent/commissioning", 0L) == 4);

        Instant t = Instant.now();
        String reads = "[" + String.join(",",
                read(((EpcTag) EpcEncoder.encodeSscc(SSCC, 7, 0)).hex(), t),
                read(((EpcTag) EpcEncoder.encodeGtin(GTIN, "XYZ981", 9, 1)).hex(), t),
                read(((EpcTag) EpcEncoder.encodeGtin(GTIN, "XYZ982", 9, 1)).hex(), t),
                read(((EpcTag) EpcEncoder.encodeGtin(GTIN, "XYZ983", 9, 1)).hex(), t)) + "]";
        portal.publish(hub.prefix() + "/line1/rfid/pack-portal-9/reads", reads.getBytes(StandardCharsets.UTF_8), 1);
        await("packing").atMost(WAIT).until(() -> partner.countsByStep()
                .getOrDefault("AggregationEvent/packing", 0L) == 1);

        hub.publish("line1", "shipper-9", unitScan(1));
        hub.publish("line1", "bin-9", unitScan(4));
        await("shipping and decommissioning").atMost(WAIT).until(() -> partner.eventCount() == 7);

        assertEquals(Map.of("ObjectEvent/commissioning", 4L, "AggregationEvent/packing", 1L,
                "ObjectEvent/shipping", 1L, "ObjectEvent/decommissioning", 1L), partner.countsByStep(),
                "one EPCIS event per reported hub event; rejections and print-verify scans are not EPCIS events");
        assertEquals(0, partner.repeatCount(), "no repeats");
        for (JsonNode document : partner.documents()) {
            assertEquals(Set0.EMPTY, Set0.of(EpcisJsonSchema.validate(document)), "valid EPCIS 2.0: " + document);
        }

        List<JsonNode> events = partner.events();
        JsonNode commissioning = events.get(0);
        assertEquals("ADD", commissioning.path("action").asText());
        assertEquals("urn:epc:id:sgtin:950110153.0000.XYZ981", commissioning.path("epcList").get(0).asText());
        assertEquals("urn:epc:id:sgln:9520123.45678.1", commissioning.path("readPoint").path("id").asText(),
                "the device's configured read point");
        assertEquals("urn:epc:id:sgln:9520123.45678.0", commissioning.path("bizLocation").path("id").asText());
        assertEquals("ABC123", commissioning.path("ilmd").path("cbvmda:lotNumber").asText());
        assertEquals("2027-05-31", commissioning.path("ilmd").path("cbvmda:itemExpirationDate").asText());
        assertTrue(commissioning.path("eventTime").asText().matches(".*\\+0[12]:00"), "Berlin offset");

        JsonNode packing = events.stream().filter(e -> "AggregationEvent".equals(e.path("type").asText()))
                .findFirst().orElseThrow();
        assertEquals("urn:epc:id:sscc:0614141.1234567890", packing.path("parentID").asText(), "the case");
        assertEquals(3, packing.path("childEPCs").size(), "its units");
        assertEquals("in_progress", packing.path("disposition").asText());
        assertEquals("urn:epc:id:sgln:9520123.45678.pack-portal-9", packing.path("readPoint").path("id").asText(),
                "read point derived from the site for a device without one");

        JsonNode shipping = events.stream().filter(e -> "shipping".equals(e.path("bizStep").asText()))
                .findFirst().orElseThrow();
        assertEquals("OBSERVE", shipping.path("action").asText());
        assertEquals("in_transit", shipping.path("disposition").asText());
        JsonNode decommissioning = events.stream().filter(e -> "decommissioning".equals(e.path("bizStep").asText()))
                .findFirst().orElseThrow();
        assertEquals("DELETE", decommissioning.path("action").asText());
        assertEquals("urn:epc:id:sgtin:950110153.0000.XYZ984", decommissioning.path("epcList").get(0).asText());
    }

    /** Readable failure output: validation messages as strings. */
    private static final class Set0 {
        static final java.util.Set<String> EMPTY = java.util.Set.of();

        static java.util.Set<String> of(java.util.Set<?> messages) {
            return messages.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
        }
    }
}
