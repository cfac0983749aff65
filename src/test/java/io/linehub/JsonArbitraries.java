package io.linehub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * jqwik generators for hostile JSON payloads, shared by the MQTT payload properties: arbitrary trees biased towards the
 * field names the hub reads (with values of every type), raw bytes, deep nesting and byte-level mutations of valid payloads.
 */
public final class JsonArbitraries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Integers of 1 to 1500 digits, around Jackson's default maximum number length (1000); built once, BigInteger parsing is slow. */
    private static final List<BigInteger> HUGE_INTEGERS = List.of(1, 19, 20, 100, 999, 1_000, 1_001, 1_500).stream()
            .map(digits -> BigInteger.TEN.pow(digits).subtract(BigInteger.ONE)).toList();

    private JsonArbitraries() {
    }

    /** Arbitrary JSON trees up to {@code depth} containers deep, object keys mostly from {@code knownKeys}. */
    public static Arbitrary<JsonNode> trees(int depth, List<String> knownKeys) {
        if (depth == 0) {
            return scalars();
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> trees(depth - 1, knownKeys));
        // biased sizes: mostly small containers, now and then a full one; generating trees costs more than parsing them
        Arbitrary<JsonNode> array = child.list().ofMaxSize(4).withSizeDistribution(RandomDistribution.biased())
                .map(JsonArbitraries::array);
        return Arbitraries.frequencyOf(Tuple.of(4, scalars()), Tuple.of(1, array), Tuple.of(2, objects(depth, knownKeys)));
    }

    /** JSON objects whose members are {@link #trees} one level shallower. */
    public static Arbitrary<JsonNode> objects(int depth, List<String> knownKeys) {
        Arbitrary<String> key = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(knownKeys)), Tuple.of(1, text(8)));
        Arbitrary<JsonNode> value = Arbitraries.lazy(() -> trees(depth - 1, knownKeys));
        return Combinators.combine(key, value).as(Tuple::of).list().ofMaxSize(5).withSizeDistribution(RandomDistribution.biased())
                .map(JsonArbitraries::object);
    }

    /** Every JSON scalar type, with the extremes: huge and tiny numbers, -0, long and odd strings. */
    public static Arbitrary<JsonNode> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, text(40).map(NODES::textNode)),
                Tuple.of(1, Arbitraries.of("2024-02-29T12:00:00Z", "2023-04-03T21:50:16.699+0200", "2024-01-01T00:00:00+02",
                        "+999999999-12-31T23:59:59.999999999-18:00", "1680551416699", "1e400", "NaN", "-Infinity", "",
                        " 42 ", "3074257bf7194e4000001a85", "4oARYGAAAgpmgfI_", "heartbeat", "tagInventory",
                        "\ud83d\ude00\u0000\u001d").map(NODES::textNode)),
                Tuple.of(2, Arbitraries.longs().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.doubles().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.of(Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 1e-300, 1e300).map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.of(HUGE_INTEGERS).map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.integers().between(-400, 400)
                        .map(e -> NODES.numberNode(new BigDecimal(BigInteger.ONE, e)))),
                Tuple.of(1, Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode())),
                // a long string: readers send kilobyte EPC lists in one field, garbage can be much longer
                Tuple.of(1, Arbitraries.integers().between(1_000, 20_000).map(n -> NODES.textNode("A".repeat(n)))));
    }

    /**
     * Any text a JSON string can carry, drawn from a seed (jqwik's char-by-char strings cost more than the parsing under
     * test): mostly ASCII, then controls, other BMP characters and emoji pairs, but no unpaired surrogate, because Jackson
     * refuses to write one as UTF-8 (the raw-byte properties cover broken encodings).
     */
    public static Arbitrary<String> text(int maxLength) {
        return Combinators.combine(Arbitraries.integers().between(0, maxLength), Arbitraries.longs()).as((length, seed) -> {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder(length);
            while (text.length() < length) {
                switch (random.nextInt(8)) {
                    case 0 -> text.append((char) random.nextInt(0x20));
                    case 1 -> text.append((char) (0xA0 + random.nextInt(0xD800 - 0xA0)));
                    case 2 -> text.appendCodePoint(0x1F600 + random.nextInt(0x50));
                    default -> text.append((char) (0x20 + random.nextInt(0x5F)));
                }
            }
            return text.toString();
        });
    }

    /** {@code depth} nested arrays or objects (one shape, chosen by {@code objects}) around {@code innermost}. */
    public static String nested(int depth, boolean objects, String innermost) {
        StringBuilder json = new StringBuilder(depth * 6 + innermost.length());
        json.append((objects ? "{\"a\":" : "[").repeat(depth)).append(innermost).append((objects ? "}" : "]").repeat(depth));
        return json.toString();
    }

    /** Random bytes, a quarter of them from JSON's syntax so that noise reaches the parser's deeper states. */
    public static Arbitrary<byte[]> noise(int maxLength) {
        byte[] syntax = "{}[]\":,0123456789-+.eEtrufalsn \\".getBytes(StandardCharsets.US_ASCII);
        return Combinators.combine(Arbitraries.integers().between(0, maxLength), Arbitraries.longs()).as((length, seed) -> {
            Random random = new Random(seed);
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? syntax[random.nextInt(syntax.length)] : (byte) random.nextInt(256);
            }
            return bytes;
        });
    }

    /** Valid payloads with 1 to 6 byte edits (replace, insert, delete, truncate, duplicate a run). */
    public static Arbitrary<byte[]> mutated(List<byte[]> valid) {
        return Combinators.combine(Arbitraries.of(valid), Arbitraries.integers().between(1, 6), Arbitraries.longs())
                .as((seed, edits, randomSeed) -> mutate(seed, edits, new Random(randomSeed)));
    }

    private static byte[] mutate(byte[] payload, int edits, Random random) {
        byte[] syntax = "{}[]\",:0123456789-+.eE aZ_\r\n\u0000\\".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = payload;
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            byte b = random.nextBoolean() ? syntax[random.nextInt(syntax.length)] : (byte) random.nextInt(256);
            bytes = switch (random.nextInt(5)) {
                case 0 -> replace(bytes, at, b);
                case 1 -> splice(bytes, at, at, new byte[] {b});
                case 2 -> splice(bytes, at, at + 1, new byte[0]);
                case 3 -> splice(bytes, at, bytes.length, new byte[0]);
                default -> splice(bytes, at, at, java.util.Arrays.copyOfRange(bytes, at,
                        Math.min(bytes.length, at + 1 + random.nextInt(16))));
            };
        }
        return bytes;
    }

    private static byte[] replace(byte[] bytes, int at, byte b) {
        byte[] copy = bytes.clone();
        copy[at] = b;
        return copy;
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        byte[] out = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(bytes, to, out, from + insert.length, bytes.length - to);
        return out;
    }

    /** Serializes a tree as the payload a device would publish. */
    public static byte[] bytes(ObjectMapper json, JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode array(List<JsonNode> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private static JsonNode object(List<Tuple.Tuple2<String, JsonNode>> fields) {
        ObjectNode object = NODES.objectNode();
        fields.forEach(f -> object.set(f.get1(), f.get2()));
        return object;
    }
}
