package io.linehub.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.linehub.JsonArbitraries;
import io.linehub.TimeBound;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Property tests for {@link ScanPayload} on hostile MQTT payloads: every payload is read or refused with a reason, never an
 * exception, deep nesting is refused by Jackson's nesting limit rather than the stack, and size is checked first.
 */
class ScanPayloadProperties {

    private static final Duration BOUND = Duration.ofSeconds(2);
    /** What HubBeans gives the scan intake (MAX_SCAN_PAYLOAD) and the mapper it builds. */
    private static final int MAX_BYTES = 64 * 1024;
    private static final ObjectMapper HUB_JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** An independent mapper with the same defaults: tells which payloads are well-formed JSON at all. */
    private static final ObjectMapper REFERENCE = new ObjectMapper();
    private static final int MAX_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH;

    private final ScanPayload payloads = new ScanPayload(HUB_JSON, MAX_BYTES);

    @Property(tries = 10_000)
    void any_bytes_are_read_or_refused_with_a_reason(@ForAll("noise") byte[] payload) {
        ScanPayload.Content content = read(payload);
        if (content.error() == null && payload.length > 0 && payload[0] != '{') {
            // not JSON: the bytes are the barcode, unchanged
            assertEquals(new String(payload, StandardCharsets.UTF_8), content.data(), "raw scan text");
        }
    }

    @Property(tries = 10_000)
    void random_json_is_read_only_when_it_has_the_documented_shape(@ForAll("jsonPayloads") JsonNode tree) throws Exception {
        byte[] payload = JsonArbitraries.bytes(REFERENCE, tree);
        ScanPayload.Content content = read(payload);
        Statistics.label("outcome").collect(content.error() == null ? "read" : content.error());
        if (payload.length > MAX_BYTES) {
            assertNotNull(content.error(), "refused by size");
            return;
        }
        if (!tree.isObject()) {
            // only a payload starting with '{' is JSON; anything else is what the scanner read
            assertEquals(new String(payload, StandardCharsets.UTF_8), content.data(), "non-object payload is raw text");
            return;
        }
        JsonNode parsed = parsedOrNull(payload);
        JsonNode data = parsed == null ? null : parsed.get("data");
        JsonNode ts = parsed == null ? null : parsed.get("ts");
        if (content.error() == null) {
            assertTrue(data != null && data.isTextual(), () -> "read only with a \"data\" string: " + tree);
            assertEquals(data.textValue(), content.data(), "data as sent");
        } else if (data != null && data.isTextual() && (ts == null || ts.isNull())) {
            throw new AssertionError("well-formed {\"data\": string} refused (" + content.error() + "): " + tree);
        }
    }

    @Property(tries = 10_000)
    void deep_nesting_is_refused_by_the_depth_limit_not_the_stack(@ForAll @IntRange(min = 1, max = 10_000) int depth,
            @ForAll boolean objects) {
        String json = "{\"data\": \"]d201095011015300031727053110ABC123\", \"n\": " + JsonArbitraries.nested(depth, objects, "1") + "}";
        ScanPayload.Content content = read(json.getBytes(StandardCharsets.UTF_8));
        // the root object is one level of nesting itself
        if (depth + 1 > MAX_DEPTH) {
            assertEquals("malformed JSON payload", content.error(), () -> "depth " + (depth + 1) + " is refused");
        } else {
            assertNull(content.error(), () -> "depth " + (depth + 1) + " is within Jackson's limit of " + MAX_DEPTH);
        }
    }

    @Property(tries = 10_000)
    void payloads_over_the_limit_are_refused_by_size_before_parsing(
            @ForAll @IntRange(min = MAX_BYTES + 1, max = 4 * MAX_BYTES) int size, @ForAll boolean json) {
        // filled with deep nesting: were it parsed at all, it would fail as malformed rather than by size
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) (json ? '[' : 'A'));
        payload[0] = (byte) (json ? '{' : 'A');
        ScanPayload.Content content = read(payload);
        assertEquals("payload of " + size + " bytes exceeds " + MAX_BYTES, content.error(), "refused by size");
    }

    @Property(tries = 10_000)
    void mutated_valid_payloads_are_read_or_refused_with_a_reason(@ForAll("mutatedPayloads") byte[] payload) {
        ScanPayload.Content content = read(payload);
        Statistics.label("outcome").collect(content.error() == null ? "read" : content.error());
    }

    @Example
    void jackson_default_nesting_limit_is_1000_and_becomes_a_clean_rejection() {
        assertEquals(1_000, MAX_DEPTH, "Jackson 2.19 StreamReadConstraints default max nesting depth");
        assertNull(read(("{\"data\": \"x\", \"n\": " + JsonArbitraries.nested(999, false, "1") + "}")
                .getBytes(StandardCharsets.UTF_8)).error(), "1000 levels are read");
        assertEquals("malformed JSON payload", read(("{\"data\": \"x\", \"n\": " + JsonArbitraries.nested(1_000, false, "1")
                + "}").getBytes(StandardCharsets.UTF_8)).error(), "1001 levels are refused");
        assertNull(read(new byte[MAX_BYTES]).error(), "exactly the limit is not refused by size");
    }

    /** The answer every payload must get: in time, no exception, either text or a reason, never both or neither. */
    private ScanPayload.Content read(byte[] payload) {
        ScanPayload.Content content = TimeBound.within(BOUND, () -> payloads.read(payload),
                () -> "read of " + payload.length + " bytes");
        assertNotNull(content, "a content for every payload");
        if (content.error() != null) {
            assertNull(content.data(), () -> "no data next to the error " + content.error());
            assertNull(content.deviceTime(), "no device time next to an error");
            assertFalse(content.error().isBlank(), "a reason");
        } else {
            assertNotNull(content.data(), "data when there is no error");
        }
        return content;
    }

    private static JsonNode parsedOrNull(byte[] payload) {
        try {
            return REFERENCE.readTree(payload);
        } catch (Exception e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<byte[]> noise() {
        // a third of the noise starts like JSON, so that it reaches the JSON reader, not only the raw-text path
        return Combinators.combine(JsonArbitraries.noise(300), Arbitraries.integers().between(0, 2))
                .as((bytes, dice) -> dice == 0 && bytes.length > 0 ? withFirst(bytes, (byte) '{') : bytes);
    }

    @Provide
    Arbitrary<JsonNode> jsonPayloads() {
        List<String> keys = List.of("data", "ts", "data", "ts", "type", "epc");
        // mostly objects holding "data" and "ts" of every type, sometimes any tree at all
        Arbitrary<JsonNode> shaped = JsonArbitraries.objects(2, keys);
        return Arbitraries.frequencyOf(Tuple.of(3, shaped), Tuple.of(1, JsonArbitraries.trees(2, keys)),
                Tuple.of(2, validShape()));
    }

    @Provide
    Arbitrary<byte[]> mutatedPayloads() {
        return JsonArbitraries.mutated(List.of(
                utf8("{\"data\": \"]d201095011015300031727053110ABC123\\u001d21XYZ987\", \"ts\": \"2024-05-01T10:00:00+02:00\"}"),
                utf8("{\"data\": \"(01)09501101530003(21)X\"}"),
                utf8(" {\"ts\": null, \"data\": \"https://id.gs1.org/01/09501101530003/21/X?17=270531\"}"),
                utf8("]d201095011015300031727053110ABC123\u001d21XYZ987\r\n")));
    }

    /** {"data": string, "ts": date-like or null or absent}: the shape the hub must accept. */
    private static Arbitrary<JsonNode> validShape() {
        Arbitrary<String> ts = Arbitraries.of("2024-05-01T10:00:00+02:00", "2024-05-01T10:00:00Z", "2024-13-01T00:00:00Z",
                "2024-05-01T10:00:00", "", "null", "+999999999-12-31T23:59:59.999999999-18:00");
        return Combinators.combine(JsonArbitraries.text(60), ts, Arbitraries.integers().between(0, 2))
                .as((data, time, mode) -> {
                    var node = REFERENCE.createObjectNode().put("data", data);
                    if (mode == 1) {
                        node.put("ts", time);
                    } else if (mode == 2) {
                        node.putNull("ts");
                    }
                    return node;
                });
    }

    private static byte[] withFirst(byte[] bytes, byte first) {
        byte[] copy = bytes.clone();
        copy[0] = first;
        return copy;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
