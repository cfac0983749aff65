package io.linehub.rfid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linehub.JsonArbitraries;
import io.linehub.TimeBound;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Property tests for {@link TagReadParser} on hostile reader payloads: every element becomes a valid read, a heartbeat or
 * a problem with a reason (never the parser's last-resort "internal parser error"), and valid reads come back unchanged.
 */
class TagReadParserProperties {

    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");
    /** Prefix of the parser's last-resort catch: a result, but it means an exception escaped the shape readers. */
    private static final String INTERNAL = "internal parser error";
    private static final int MAX_READS = 8;
    private static final int SMALL_LIMIT = 4_096;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields the three reader shapes look at, top level and nested, so random trees hit them with every type. */
    private static final List<String> FIELDS = List.of("epc", "idHex", "epcHex", "data", "eventType", "tagInventoryEvent",
            "antenna", "antennaPort", "rssi", "peakRssi", "peakRssiCdbm", "ts", "timestamp", "observationTime",
            "lastSeenTime", "hostname", "hostName", "reader", "type");

    private final TagReadParser parser = new TagReadParser(ParserOptions.defaults().withMaxReads(MAX_READS));

    @Property(tries = 10_000)
    void any_bytes_give_reads_heartbeats_or_reasons(@ForAll("noise") byte[] payload) {
        assertCleanBatch(parse(parser, payload));
    }

    @Property(tries = 10_000)
    void random_json_accounts_for_every_element(@ForAll("jsonPayloads") JsonNode tree) {
        ReadBatch batch = parse(parser, JsonArbitraries.bytes(JSON, tree));
        assertCleanBatch(batch);
        int elements = tree.isArray() ? tree.size() : 1;
        Statistics.label("outcome").collect(!batch.reads().isEmpty() ? "some reads" : batch.heartbeats() > 0 ? "heartbeat"
                : wholePayloadRefused(batch) ? "refused" : "problems only");
        if (!wholePayloadRefused(batch)) {
            assertEquals(elements, batch.reads().size() + batch.problems().size() + batch.heartbeats(),
                    () -> "every element is a read, a problem or a heartbeat: " + tree);
            batch.problems().forEach(p -> assertTrue(p.index() < elements, () -> "index within the payload: " + p));
        } else {
            // only a payload limit refuses a well-formed payload as a whole
            String reason = batch.problems().get(0).reason();
            assertTrue(reason.contains("more than " + MAX_READS) || reason.equals("malformed JSON"), reason);
        }
    }

    @Property(tries = 10_000)
    void valid_reads_come_back_unchanged_and_in_order(@ForAll("validReads") List<Sent> sent) {
        ArrayNodeBuilder array = new ArrayNodeBuilder();
        sent.forEach(s -> array.add(s.json()));
        ReadBatch batch = parse(parser, JsonArbitraries.bytes(JSON, array.node));
        assertCleanBatch(batch);
        if (sent.size() > MAX_READS) {
            assertEquals(List.of(ReadProblem.wholePayload("payload has more than " + MAX_READS + " reads")), batch.problems(),
                    "too many reads are refused as a whole");
            return;
        }
        assertEquals(List.of(), batch.problems(), "no problems");
        assertEquals(sent.stream().map(Sent::expected).toList(), batch.reads(), "each read as sent, in order");
    }

    @Property(tries = 10_000)
    void deep_nesting_is_refused_cleanly_not_by_the_stack(@ForAll @IntRange(min = 1, max = 10_000) int depth,
            @ForAll boolean objects) {
        String json = "[{\"epc\": \"3074257BF7194E4000001A85\", \"n\": " + JsonArbitraries.nested(depth, objects, "1") + "}]";
        ReadBatch batch = parse(parser, json.getBytes(StandardCharsets.UTF_8));
        assertCleanBatch(batch);
        // the array and the object are two levels; Jackson refuses more than 1000 in all
        if (depth + 2 > 1_000) {
            assertEquals(List.of(ReadProblem.wholePayload("malformed JSON")), batch.problems(), "refused by depth " + depth);
        } else {
            assertEquals(1, batch.reads().size(), () -> "depth " + (depth + 2) + " is read: " + batch.problems());
        }
    }

    @Property(tries = 10_000)
    void payloads_over_the_limit_are_refused_by_size(@ForAll @IntRange(min = SMALL_LIMIT + 1, max = 4 * SMALL_LIMIT) int size) {
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) '[');
        ReadBatch batch = parse(new TagReadParser(ParserOptions.defaults().withMaxPayloadBytes(SMALL_LIMIT)), payload);
        assertEquals(List.of(ReadProblem.wholePayload("payload of " + size + " bytes exceeds the limit of " + SMALL_LIMIT
                + " bytes")), batch.problems(), "refused by size, before any JSON work");
    }

    @Property(tries = 10_000)
    void mutated_valid_payloads_give_reads_heartbeats_or_reasons(@ForAll("mutatedPayloads") byte[] payload) {
        ReadBatch batch = parse(parser, payload);
        assertCleanBatch(batch);
        Statistics.label("outcome").collect(!batch.reads().isEmpty() ? "some reads" : batch.heartbeats() > 0 ? "heartbeat"
                : wholePayloadRefused(batch) ? batch.problems().get(0).reason() : "element problems");
    }

    @Example
    void a_payload_one_byte_over_the_default_megabyte_is_refused_by_size() {
        byte[] payload = new byte[ParserOptions.DEFAULT_MAX_PAYLOAD_BYTES + 1];
        Arrays.fill(payload, (byte) '[');
        ReadBatch batch = parse(new TagReadParser(), payload);
        assertEquals(List.of(ReadProblem.wholePayload("payload of 1048577 bytes exceeds the limit of 1048576 bytes")),
                batch.problems(), "refused by size");
    }

    @Example
    void ten_thousand_levels_of_nesting_are_malformed_json_not_a_stack_overflow() {
        ReadBatch batch = parse(new TagReadParser(), JsonArbitraries.nested(10_000, false, "").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(ReadProblem.wholePayload("malformed JSON")), batch.problems(), "Jackson's depth limit refuses it");
    }

    private static ReadBatch parse(TagReadParser parser, byte[] payload) {
        return TimeBound.within(BOUND, () -> parser.parse(payload, RECEIVED), () -> "parse of " + payload.length + " bytes");
    }

    /** Every read valid, every problem with a reason and in payload order, and a refusal of the whole payload alone. */
    private static void assertCleanBatch(ReadBatch batch) {
        assertNotNull(batch, "a batch for every payload");
        for (ReadProblem problem : batch.problems()) {
            assertFalse(problem.reason().isBlank(), "a reason");
            assertFalse(problem.reason().startsWith(INTERNAL), () -> "an exception escaped the parser: " + problem);
            assertTrue(problem.index() >= ReadProblem.WHOLE_PAYLOAD, () -> "index " + problem);
        }
        if (wholePayloadRefused(batch)) {
            assertEquals(1, batch.problems().size(), "a refused payload has exactly one problem");
            assertTrue(batch.reads().isEmpty() && batch.heartbeats() == 0, "and nothing else");
        }
        for (int i = 1; i < batch.problems().size(); i++) {
            assertTrue(batch.problems().get(i - 1).index() < batch.problems().get(i).index(), "problems in payload order");
        }
        for (TagRead read : batch.reads()) {
            assertTrue(read.epcHex().matches("([0-9A-F]{2}){4,62}"), () -> "EPC is 8-124 upper-case hex digits: " + read);
            assertTrue(read.antenna() >= 0 && read.antenna() <= 65_535, () -> "antenna port " + read);
            assertTrue(read.rssiDbm() == null || read.rssiDbm() >= -200 && read.rssiDbm() <= 100, () -> "RSSI " + read);
            assertNotNull(read.readAt(), "read time");
            assertTrue(read.reader() == null || !read.reader().isBlank(), "reader name");
        }
    }

    private static boolean wholePayloadRefused(ReadBatch batch) {
        return batch.problems().stream().anyMatch(p -> p.index() == ReadProblem.WHOLE_PAYLOAD);
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<byte[]> noise() {
        return JsonArbitraries.noise(300);
    }

    @Provide
    Arbitrary<JsonNode> jsonPayloads() {
        // one element or an array of them; elements are mostly objects with the readers' field names, of any type
        Arbitrary<JsonNode> element = Arbitraries.frequencyOf(Tuple.of(4, JsonArbitraries.objects(2, FIELDS)),
                Tuple.of(1, JsonArbitraries.trees(2, FIELDS)), Tuple.of(2, validRead().map(Sent::json)));
        Arbitrary<JsonNode> array = element.list().ofMaxSize(MAX_READS + 2).withSizeDistribution(RandomDistribution.biased())
                .map(list -> {
            ArrayNodeBuilder builder = new ArrayNodeBuilder();
            list.forEach(builder::add);
            return builder.node;
        });
        return Arbitraries.frequencyOf(Tuple.of(2, element), Tuple.of(1, array));
    }

    @Provide
    Arbitrary<List<Sent>> validReads() {
        // up to a few over the limit, so the read limit is crossed in both directions
        return validRead().list().ofMinSize(1).ofMaxSize(MAX_READS + 3).withSizeDistribution(RandomDistribution.biased());
    }

    @Provide
    Arbitrary<byte[]> mutatedPayloads() {
        return JsonArbitraries.mutated(List.of(utf8(TagReadParserShapesTest.ZEBRA), utf8(TagReadParserShapesTest.IMPINJ),
                utf8(TagReadParserShapesTest.ITEMSENSE), utf8("[{\"epc\": \"AABBCCDD\", \"antenna\": 1, \"rssi\": -52, "
                        + "\"ts\": 1680551416699}, {\"type\": \"heartbeat\"}]"), utf8("\r\n")));
    }

    /** A read in one of the three shapes with valid values, and the {@link TagRead} it must become. */
    record Sent(JsonNode json, TagRead expected) {
    }

    private static Arbitrary<Sent> validRead() {
        // 4 to 62 bytes in mixed case, drawn from a seed: jqwik's char-by-char strings cost more than the parse
        Arbitrary<String> epc = Combinators.combine(Arbitraries.integers().between(4, 62), Arbitraries.longs())
                .as((bytes, seed) -> {
                    java.util.Random random = new java.util.Random(seed);
                    StringBuilder hex = new StringBuilder();
                    for (int i = 0; i < bytes * 2; i++) {
                        hex.append("0123456789abcdefABCDEF".charAt(random.nextInt(22)));
                    }
                    return hex.toString();
                });
        Arbitrary<Integer> antenna = Arbitraries.integers().between(0, 65_535);
        Arbitrary<Integer> rssi = Arbitraries.integers().between(-200, 100);
        Arbitrary<Instant> at = Arbitraries.longs().between(0, 4_102_444_800L).map(Instant::ofEpochSecond);
        Arbitrary<String> reader = Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(16);
        Arbitrary<Integer> shape = Arbitraries.integers().between(0, 2);
        return Combinators.combine(epc, antenna, rssi, at, reader, shape).as(TagReadParserProperties::sent);
    }

    private static Sent sent(String epc, int antenna, int rssi, Instant at, String reader, int shape) {
        ObjectNode read = JSON.createObjectNode();
        switch (shape) {
            case 0 -> read.put("epc", epc).put("antenna", antenna).put("rssi", rssi).put("ts", at.toString())
                    .put("reader", reader);
            case 1 -> {
                read.putObject("data").put("idHex", epc).put("antenna", antenna).put("peakRssi", rssi).put("hostName", reader);
                read.put("timestamp", at.toString()).put("type", "SIMPLE");
            }
            default -> {
                read.put("timestamp", at.toString()).put("eventType", "tagInventory").put("hostname", reader);
                read.putObject("tagInventoryEvent").put("epcHex", epc).put("antennaPort", antenna)
                        .put("peakRssiCdbm", rssi * 100);
            }
        }
        return new Sent(read, new TagRead(epc.toUpperCase(Locale.ROOT), antenna, rssi, at, reader));
    }

    /** Collects elements into a JSON array; a tiny helper so generators stay one expression. */
    private static final class ArrayNodeBuilder {
        final com.fasterxml.jackson.databind.node.ArrayNode node = JSON.createArrayNode();

        void add(JsonNode element) {
            node.add(element);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
