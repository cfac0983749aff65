package io.linehub.rfid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TagReadParserShapesTest {

    static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    // STANDARDS.md 5.1, verbatim
    static final String ZEBRA = """
            {"data": {"antenna": 1, "eventNum": 1759, "format": "epc",
                      "idHex": "3074257bf7194e4000001a85", "peakRssi": -53, "reads": 3},
             "timestamp": "2023-04-03T21:50:16.699+0200", "type": "SIMPLE"}
            """;

    // STANDARDS.md 5.2, verbatim
    static final String IMPINJ = """
            {"timestamp": "2021-02-02T22:18:35.658476625Z", "eventType": "tagInventory",
             "tagInventoryEvent": {"epc": "4oARYGAAAgpmgfI_", "epcHex": "E28011606000020A6681F23F",
               "antennaPort": 1, "antennaName": "Portal1", "lastSeenTime": "2021-02-02T22:18:35.499734Z"}}
            """;

    // STANDARDS.md 5.3, verbatim
    static final String ITEMSENSE = """
            {"epc": "3074257BF7194E4000001A85", "tagId": "", "jobId": "b9a7...", "fromZone": "DOCK", "toZone": "SHIPPING",
             "fromFloor": "1", "toFloor": "1", "fromFacility": "PLANT-A", "toFacility": "PLANT-A",
             "fromX": null, "fromY": null, "toX": null, "toY": null, "observationTime": "2019-10-28T12:00:00.000Z"}
            """;

    static ReadBatch parse(String json) {
        return new TagReadParser().parse(json.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    static TagRead onlyRead(ReadBatch batch) {
        assertEquals(1, batch.reads().size(), "exactly one read expected, problems: " + batch.problems());
        assertTrue(batch.problems().isEmpty(), "no problems expected: " + batch.problems());
        return batch.reads().get(0);
    }

    @Test
    void zebraConnectorEventBecomesUpperCaseReadWithOffsetApplied() {
        TagRead read = onlyRead(parse(ZEBRA));
        assertEquals("3074257BF7194E4000001A85", read.epcHex(), "idHex is normalised to upper case");
        assertEquals(1, read.antenna(), "antenna comes from data.antenna");
        assertEquals(-53, read.rssiDbm(), "peakRssi is already dBm");
        assertEquals(Instant.parse("2023-04-03T19:50:16.699Z"), read.readAt(), "+0200 without colon is applied");
        assertNull(read.reader(), "no host name in a SIMPLE event");
    }

    @Test
    void zebraEventWithHostNameNamesTheReader() {
        TagRead read = onlyRead(parse("""
                {"data": {"antenna": 2, "idHex": "3074257bf7194e4000001a85", "peakRssi": -61.6, "format": "uii",
                          "hostName": "FX9600-DOCK1"}, "timestamp": "2023-04-03T21:50:16.699+02:00", "type": "CUSTOM"}
                """));
        assertEquals("FX9600-DOCK1", read.reader(), "data.hostName is the reader");
        assertEquals(-62, read.rssiDbm(), "fractional dBm is rounded");
        assertEquals(2, read.antenna(), "antenna 2");
        assertEquals(Instant.parse("2023-04-03T19:50:16.699Z"), read.readAt(), "offset with colon is applied");
    }

    @Test
    void impinjEventPrefersEpcHexAndKeepsNanoseconds() {
        TagRead read = onlyRead(parse(IMPINJ));
        assertEquals("E28011606000020A6681F23F", read.epcHex(), "epcHex is used");
        assertEquals(1, read.antenna(), "antennaPort is the antenna");
        assertNull(read.rssiDbm(), "no peakRssiCdbm in the example");
        assertEquals(Instant.parse("2021-02-02T22:18:35.658476625Z"), read.readAt(), "9 fractional digits kept");
    }

    @Test
    void impinjBase64UrlEpcDecodesToTheDocumentedHex() {
        TagRead read = onlyRead(parse("""
                {"timestamp": "2021-02-02T22:18:35.658476625Z", "eventType": "tagInventory", "hostname": "impinj-14-1f-2c",
                 "tagInventoryEvent": {"epc": "4oARYGAAAgpmgfI_", "antennaPort": 3, "peakRssiCdbm": -5349}}
                """));
        assertEquals("E28011606000020A6681F23F", read.epcHex(), "base64url epc decodes to the STANDARDS hex");
        assertEquals(3, read.antenna(), "antennaPort 3");
        assertEquals(-53, read.rssiDbm(), "-5349 centi-dBm rounds to -53 dBm");
        assertEquals("impinj-14-1f-2c", read.reader(), "hostname is the reader");
    }

    @Test
    void centiDbmRoundsToNearestWholeDbm() {
        String template = """
                {"eventType": "tagInventory", "tagInventoryEvent": {"epcHex": "E28011606000020A6681F23F", "peakRssiCdbm": %s}}
                """;
        assertEquals(-53, onlyRead(parse(template.formatted("-5300"))).rssiDbm(), "-5300 cdBm is -53 dBm");
        assertEquals(-54, onlyRead(parse(template.formatted("-5351"))).rssiDbm(), "-5351 cdBm rounds to -54");
        assertEquals(-61, onlyRead(parse(template.formatted("-6149"))).rssiDbm(), "-6149 cdBm rounds to -61");
    }

    @Test
    void impinjEpcFlagReadsPlainEpcFieldAsHex() {
        String json = """
                {"eventType": "tagInventory", "tagInventoryEvent": {"epc": "e28011606000020a6681f23f", "antennaPort": 1}}
                """;
        ReadBatch hex = new TagReadParser(true).parse(json.getBytes(StandardCharsets.UTF_8), RECEIVED);
        assertEquals("E28011606000020A6681F23F", onlyRead(hex).epcHex(), "with the flag, epc is hex");
        ReadBatch base64 = parse(json);
        assertEquals(1, base64.reads().size(), "without the flag, the 24 characters are decoded as base64url");
        assertEquals("7B6F34D75EB4EB4D34D36D1AEBAF357F6DDF", base64.reads().get(0).epcHex(),
                "base64url bytes of the hex text, showing why the flag matters");
    }

    @Test
    void itemSenseEventReadsThroughThePlainShape() {
        TagRead read = onlyRead(parse(ITEMSENSE));
        assertEquals("3074257BF7194E4000001A85", read.epcHex(), "epc is taken as is");
        assertEquals(0, read.antenna(), "ItemSense has no antenna: 0 means unknown");
        assertEquals(Instant.parse("2019-10-28T12:00:00Z"), read.readAt(), "observationTime is the read time");
    }

    @Test
    void plainShapeFromTheContractIsRead() {
        TagRead read = onlyRead(parse("""
                {"epc": "3074257bf7194e4000001a85", "antenna": 4, "rssi": -52, "ts": "2026-03-01T08:00:00.125Z"}
                """));
        assertEquals("3074257BF7194E4000001A85", read.epcHex(), "upper case");
        assertEquals(4, read.antenna(), "antenna 4");
        assertEquals(-52, read.rssiDbm(), "rssi in dBm");
        assertEquals(Instant.parse("2026-03-01T08:00:00.125Z"), read.readAt(), "ts parsed");
    }

    @Test
    void readWithoutTimestampUsesReceivedAt() {
        TagRead read = onlyRead(parse("{\"epc\": \"3074257BF7194E4000001A85\", \"antenna\": 1}"));
        assertEquals(RECEIVED, read.readAt(), "missing ts falls back to receivedAt");
        assertNull(read.rssiDbm(), "missing rssi is null");
    }

    @Test
    void unusableTimestampsFallBackToReceivedAt() {
        for (String ts : new String[] {"\"yesterday\"", "\"2026-03-01T08:00:00\"", "-5", "0", "true", "{}",
                "1e400", "\"99999999999999999999\""}) {
            TagRead read = onlyRead(parse("{\"epc\": \"3074257BF7194E4000001A85\", \"ts\": " + ts + "}"));
            assertEquals(RECEIVED, read.readAt(), "unusable ts " + ts + " falls back to receivedAt");
        }
    }

    @Test
    void epochNumbersAreReadAsSecondsMillisOrMicrosByMagnitude() {
        Instant expected = Instant.parse("2023-04-03T19:50:16Z");
        assertEquals(expected, tsOf("1680551416"), "epoch seconds");
        assertEquals(expected.plusMillis(699), tsOf("1680551416699"), "epoch milliseconds");
        assertEquals(expected.plusNanos(699_123_000), tsOf("1680551416699123"), "epoch microseconds");
        assertEquals(expected.plusMillis(500), tsOf("1680551416.5"), "fractional epoch seconds");
        assertEquals(expected.plusMillis(699), tsOf("\"1680551416699\""), "epoch millis as a string");
    }

    @Test
    void isoTimestampsAcceptZColonAndNoColonOffsets() {
        Instant expected = Instant.parse("2023-04-03T19:50:16.699Z");
        assertEquals(expected, tsOf("\"2023-04-03T19:50:16.699Z\""), "Z");
        assertEquals(expected, tsOf("\"2023-04-03T21:50:16.699+02:00\""), "offset with colon");
        assertEquals(expected, tsOf("\"2023-04-03T21:50:16.699+0200\""), "offset without colon");
        assertEquals(expected, tsOf("\"2023-04-03T14:50:16.699-0500\""), "negative offset without colon");
        assertEquals(expected, tsOf("\"2023-04-03T21:50:16.699+02\""), "hour-only offset");
    }

    private static Instant tsOf(String tsJson) {
        return onlyRead(parse("{\"epc\": \"3074257BF7194E4000001A85\", \"ts\": " + tsJson + "}")).readAt();
    }

    @Test
    void zebraTimestampAlsoAcceptsEpochMillis() {
        TagRead read = onlyRead(parse("""
                {"data": {"antenna": 1, "idHex": "3074257bf7194e4000001a85"}, "timestamp": 1680551416699}
                """));
        assertEquals(Instant.parse("2023-04-03T19:50:16.699Z"), read.readAt(), "Zebra epoch millis");
    }

    @Test
    void impinjFallsBackToLastSeenTimeInMicroseconds() {
        TagRead read = onlyRead(parse("""
                {"eventType": "tagInventory",
                 "tagInventoryEvent": {"epcHex": "E28011606000020A6681F23F", "lastSeenTime": 1612304315499734}}
                """));
        assertEquals(Instant.parse("2021-02-02T22:18:35.499734Z"), read.readAt(), "lastSeenTime in micros");
    }
}
