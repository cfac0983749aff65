package io.linehub.rfid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagReadParserBatchTest {

    static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    static ReadBatch parse(String json) {
        return new TagReadParser().parse(json.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    static List<Integer> problemIndexes(ReadBatch batch) {
        return batch.problems().stream().map(ReadProblem::index).toList();
    }

    @Test
    void arrayOfMixedShapesKeepsPayloadOrder() {
        ReadBatch batch = parse("[" + TagReadParserShapesTest.ZEBRA + "," + TagReadParserShapesTest.IMPINJ + ","
                + "{\"epc\": \"AABBCCDD\", \"antenna\": 2}]");
        assertEquals(List.of("3074257BF7194E4000001A85", "E28011606000020A6681F23F", "AABBCCDD"),
                batch.reads().stream().map(TagRead::epcHex).toList(), "all three shapes read, in order");
        assertTrue(batch.problems().isEmpty(), "no problems: " + batch.problems());
        assertEquals(0, batch.heartbeats(), "no heartbeats");
    }

    @Test
    void badElementsAreReportedByIndexWhileGoodOnesAreKept() {
        ReadBatch batch = parse("""
                [{"epc": "AABBCCDD"},
                 {"epc": "AABBCCDDE"},
                 {"epc": "AABBCCDG"},
                 42,
                 {"data": {"antenna": 1}},
                 {"something": "else"},
                 {"epc": "11223344", "antenna": "left"},
                 {"epc": 12345678},
                 {"data": "text"},
                 {"eventType": "tagInventory"},
                 {"epc": "A1B2C3D4E5F6"}]
                """);
        assertEquals(List.of("AABBCCDD", "A1B2C3D4E5F6"), batch.reads().stream().map(TagRead::epcHex).toList(),
                "the two good reads survive");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), problemIndexes(batch), "each bad element reported once");
        assertTrue(batch.problems().get(0).reason().contains("odd"), "odd-length reason: " + batch.problems().get(0));
        assertTrue(batch.problems().get(1).reason().contains("not hex"), "non-hex reason: " + batch.problems().get(1));
        assertTrue(batch.problems().get(3).reason().contains("idHex"), "missing idHex: " + batch.problems().get(3));
    }

    @Test
    void epcHexCaseIsNormalisedAndShortOrOversizedEpcsAreRejected() {
        assertEquals("ABCDEF0123456789", parse("{\"epc\": \"aBcDeF0123456789\"}").reads().get(0).epcHex(),
                "mixed case becomes upper case");
        assertEquals(List.of(0), problemIndexes(parse("{\"epc\": \"ABCDEF\"}")), "6 digits is too short");
        assertEquals(List.of(0), problemIndexes(parse("{\"epc\": \"" + "AB".repeat(63) + "\"}")),
                "more than 496 bits is not an EPC");
        assertEquals(List.of(0), problemIndexes(parse("{\"epc\": \"AABB CCDD\"}")), "spaces are not hex");
        assertEquals(List.of(0), problemIndexes(parse("{\"epc\": \"ＡＢＣＤ１２３４\"}")), "fullwidth digits are not hex");
    }

    @Test
    void zebraHeartbeatsAreDroppedAndCounted() {
        ReadBatch batch = parse("""
                [{"type": "heartbeat", "timestamp": "2023-04-03T21:50:16.699+0200"},
                 {"type": "HEARTBEAT", "data": {"uptime": 1234}},
                 {"data": {"antenna": 1, "idHex": "3074257bf7194e4000001a85"}, "type": "SIMPLE"}]
                """);
        assertEquals(2, batch.heartbeats(), "both heartbeat spellings counted");
        assertEquals(1, batch.reads().size(), "the tag read remains");
        assertTrue(batch.problems().isEmpty(), "heartbeats are not problems: " + batch.problems());
    }

    @Test
    void impinjKeepAliveAndNonInventoryEventsAreHeartbeats() {
        for (String keepAlive : new String[] {"\r\n", "\n", "  \r\n  ", ""}) {
            ReadBatch batch = parse(keepAlive);
            assertEquals(1, batch.heartbeats(), "keep-alive " + keepAlive.replace("\r", "CR").replace("\n", "LF"));
            assertTrue(batch.reads().isEmpty() && batch.problems().isEmpty(), "keep-alive yields nothing else");
        }
        ReadBatch events = parse("""
                {"timestamp": "2021-02-02T22:18:35Z", "eventType": "inventoryStatus", "inventoryStatusEvent": {}}
                {"timestamp": "2021-02-02T22:18:36Z", "eventType": "gpiTransition"}
                """);
        assertEquals(2, events.heartbeats(), "non-inventory events are dropped and counted");
        assertTrue(events.problems().isEmpty(), "not problems: " + events.problems());
    }

    @Test
    void newlineDelimitedImpinjStreamChunkYieldsEveryEvent() {
        String line = TagReadParserShapesTest.IMPINJ.replace("\n", " ");
        ReadBatch batch = parse(line + "\r\n" + line + "\r\n");
        assertEquals(2, batch.reads().size(), "two stream lines, two reads: " + batch.problems());
    }

    @Test
    void malformedJsonIsOneProblem() {
        for (String bad : new String[] {"{", "[{\"epc\": \"AABBCCDD\"}", "{\"epc\": }", "nonsense", "{} trailing"}) {
            ReadBatch batch = parse(bad);
            assertEquals(List.of(new ReadProblem(ReadProblem.WHOLE_PAYLOAD, "malformed JSON")), batch.problems(),
                    "one whole-payload problem for " + bad);
            assertTrue(batch.reads().isEmpty(), "no reads from malformed " + bad);
        }
    }

    @Test
    void payloadAboveByteLimitIsRefusedBeforeParsing() {
        TagReadParser parser = new TagReadParser(ParserOptions.defaults().withMaxPayloadBytes(32));
        byte[] payload = "[{\"epc\": \"AABBCCDD\"}, {\"epc\": \"AABBCCDD\"}, {\"epc\": \"AABBCCDD\"}]"
                .getBytes(StandardCharsets.UTF_8);
        ReadBatch batch = parser.parse(payload, RECEIVED);
        assertEquals(1, batch.problems().size(), "one problem for the whole payload");
        assertEquals(ReadProblem.WHOLE_PAYLOAD, batch.problems().get(0).index(), "whole-payload index");
        assertTrue(batch.problems().get(0).reason().contains("exceeds"), "reason: " + batch.problems().get(0));
        assertTrue(batch.reads().isEmpty(), "nothing read from a refused payload");
    }

    @Test
    void defaultByteLimitIsOneMegabyte() {
        byte[] payload = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(payload, (byte) ' ');
        ReadBatch batch = new TagReadParser().parse(payload, RECEIVED);
        assertEquals(1, batch.problems().size(), "a blank payload over 1 MB is still refused");
        assertEquals(0, batch.heartbeats(), "and not mistaken for a keep-alive");
    }

    @Test
    void arrayAboveReadLimitIsRefusedWithOneProblem() {
        String read = "{\"epc\": \"AABBCCDD\"}";
        ReadBatch atDefault = parse("[" + String.join(",", java.util.Collections.nCopies(10_000, read)) + "]");
        assertEquals(10_000, atDefault.reads().size(), "10,000 reads is within the default limit");
        ReadBatch over = parse("[" + String.join(",", java.util.Collections.nCopies(10_001, read)) + "]");
        assertEquals(1, over.problems().size(), "one problem for 10,001 reads");
        assertTrue(over.problems().get(0).reason().contains("10000"), "reason names the limit: " + over.problems());
        assertTrue(over.reads().isEmpty(), "no partial batch from an oversized array");
    }

    @Test
    void deeplyNestedPayloadIsOneProblemNotAStackOverflow() {
        ReadBatch batch = parse("[".repeat(200_000) + "]".repeat(200_000));
        assertEquals(1, batch.problems().size(), "nesting bomb is refused as one problem: " + batch.problems());
        assertTrue(batch.reads().isEmpty(), "no reads from a nesting bomb");
    }

    @Test
    void nullPayloadAndNullReceivedAtDoNotThrow() {
        TagReadParser parser = new TagReadParser();
        assertEquals(1, parser.parse(null, RECEIVED).problems().size(), "null payload is one problem");
        ReadBatch batch = parser.parse("{\"epc\": \"AABBCCDD\"}".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(1, batch.reads().size(), "a null receivedAt falls back to now");
    }
}
