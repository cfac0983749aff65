package io.linehub.epc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.TimeBound;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
 * Property tests for {@link EpcDecoder} and {@link EpcEncoder}: any input gets a tag or a named error in bounded time,
 * every decoded tag re-encodes to the same hex, and valid GS1 keys survive encode and decode unchanged.
 */
class EpcProperties {

    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final String HEX = "0123456789ABCDEFabcdef";
    private static final String CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    /** TDS 2.3: these serial characters are percent-escaped in EPC URIs. */
    private static final String URI_ESCAPED = "\"%&/<>?";
    private static final Set<String> KINDS = Arrays.stream(EpcError.class.getFields())
            .filter(f -> f.getType() == String.class).map(EpcProperties::constant).collect(Collectors.toUnmodifiableSet());
    private static final BigInteger MAX_SGTIN_96_SERIAL = BigInteger.TWO.pow(38).subtract(BigInteger.ONE);

    @Property(tries = 10_000)
    void any_string_decodes_to_a_tag_or_a_named_error(@ForAll("anyText") String text) {
        assertCleanResult(decode(text), () -> "decode of " + EpcDecoder.echo(text));
    }

    @Property(tries = 10_000)
    void hex_of_any_length_decodes_to_a_tag_or_a_named_error(@ForAll("anyHex") String hex) {
        EpcResult result = decode(hex);
        assertCleanResult(result, () -> "decode of " + hex);
        Statistics.label("outcome").collect(result instanceof EpcError e ? e.kind() : "tag");
    }

    @Property(tries = 10_000)
    void every_decoded_tag_re_encodes_to_its_hex(@ForAll("schemeHex") String hex) {
        EpcResult decoded = decode(hex);
        assertCleanResult(decoded, () -> "decode of " + hex);
        Statistics.label("outcome").collect(decoded instanceof EpcError e ? e.kind() : ((EpcTag) decoded).scheme());
        if (decoded instanceof EpcTag tag) {
            EpcResult encoded = TimeBound.within(BOUND, () -> EpcEncoder.encode(tag.scheme(), tag.filter(), tag.uri()),
                    () -> "encode of " + tag.uri());
            EpcTag again = assertInstanceOf(EpcTag.class, encoded, () -> tag.uri() + " from " + hex + " re-encodes");
            assertEquals(tag.hex(), again.hex(), () -> "hex of " + tag.uri() + " decoded from " + hex);
            assertEquals(tag, again, () -> "the re-encoded tag is the decoded one, from " + hex);
        }
    }

    @Property(tries = 10_000)
    void the_encoder_answers_any_scheme_filter_and_uri(@ForAll("schemeNames") String scheme,
            @ForAll @IntRange(min = -2, max = 9) int filter, @ForAll("pureIdentityUris") String uri) {
        EpcResult result = TimeBound.within(BOUND, () -> EpcEncoder.encode(scheme, filter, uri),
                () -> "encode of " + scheme + " " + filter + " " + EpcDecoder.echo(uri));
        assertCleanResult(result, () -> "encode of " + EpcDecoder.echo(uri));
        if (result instanceof EpcTag tag) {
            // whatever the encoder accepts, the decoder reads back as the same tag
            assertEquals(tag, decode(tag.hex()), () -> "decode of encoded " + tag.hex());
        }
    }

    @Property(tries = 10_000)
    void valid_sgtins_encode_and_decode_to_the_same_keys(@ForAll("gtinBodies") Key gtin, @ForAll("serials") String serial,
            @ForAll @IntRange(min = 0, max = 7) int filter) {
        EpcTag tag = assertInstanceOf(EpcTag.class, EpcEncoder.encodeGtin(gtin.key(), serial, gtin.prefixLength(), filter),
                () -> "encode of GTIN " + gtin + " serial " + serial);
        boolean numeric = serial.matches("0|[1-9][0-9]*") && new BigInteger(serial).compareTo(MAX_SGTIN_96_SERIAL) <= 0;
        assertEquals(numeric ? "sgtin-96" : "sgtin-198", tag.scheme(), "SGTIN-96 exactly when the serial fits 38 bits");
        String uri = "urn:epc:id:sgtin:" + gtin.prefix() + "." + gtin.reference() + "." + escape(serial);
        assertEquals(uri, tag.uri(), "pure identity URI (TDS 6.3.1)");
        EpcTag decoded = assertInstanceOf(EpcTag.class, decode(tag.hex()), () -> "decode of " + tag.hex());
        assertEquals(Map.of("01", gtin.key(), "21", serial), decoded.keys(), "GS1 keys after encode and decode");
        assertEquals(filter, decoded.filter(), "filter");
        assertEquals(tag, decoded, "decoded tag");
        assertEquals(tag, EpcEncoder.encode(tag.scheme(), filter, uri), "encoding the URI gives the same tag");
    }

    @Property(tries = 10_000)
    void valid_ssccs_encode_and_decode_to_the_same_keys(@ForAll("ssccBodies") Key sscc,
            @ForAll @IntRange(min = 0, max = 7) int filter) {
        EpcTag tag = assertInstanceOf(EpcTag.class, EpcEncoder.encodeSscc(sscc.key(), sscc.prefixLength(), filter),
                () -> "encode of SSCC " + sscc);
        assertEquals("urn:epc:id:sscc:" + sscc.prefix() + "." + sscc.reference(), tag.uri(), "pure identity URI");
        EpcTag decoded = assertInstanceOf(EpcTag.class, decode(tag.hex()), () -> "decode of " + tag.hex());
        assertEquals(Map.of("00", sscc.key()), decoded.keys(), "GS1 key after encode and decode");
        assertEquals(tag, decoded, "decoded tag");
    }

    // ---------------------------------------------------------------- regressions found by the properties above

    /** Found by every_decoded_tag_re_encodes_to_its_hex: partition 0 leaves the location reference 0 digits long. */
    @Example
    void sgln_with_a_12_digit_company_prefix_has_an_empty_location_reference() {
        EpcTag tag = assertInstanceOf(EpcTag.class, EpcDecoder.decode("320072FA6468500000000000"), "SGLN-96 partition 0");
        assertEquals("urn:epc:id:sgln:123456789012..0", tag.uri(), "no reference digits, not a made-up '0'");
        assertEquals(Map.of("414", "1234567890128"), tag.keys(), "GLN of 13 digits");
        assertEquals(tag, EpcEncoder.encode("sgln-96", 0, tag.uri()), "re-encodes to the same tag");
    }

    /** Found by every_decoded_tag_re_encodes_to_its_hex: GRAI partition 0 has an empty asset type as well. */
    @Example
    void grai_with_a_12_digit_company_prefix_has_an_empty_asset_type() {
        EpcTag tag = assertInstanceOf(EpcTag.class, EpcDecoder.decode("330072FA646850000000162E"), "GRAI-96 partition 0");
        assertEquals("urn:epc:id:grai:123456789012..5678", tag.uri(), "no asset type digits");
        assertEquals("012345678901285678", tag.grai(), "0 + prefix + check digit + serial");
        assertEquals(tag, EpcEncoder.encode("grai-96", 0, tag.uri()), "re-encodes to the same tag");
    }

    /** Found by every_decoded_tag_re_encodes_to_its_hex (shrunk: 3114E147641C2DB7F6B770E9). */
    @Example
    void sscc_with_reserved_bits_set_is_not_decoded() {
        EpcError error = assertInstanceOf(EpcError.class, EpcDecoder.decode("3174257BF4499602D2000001"),
                "Annex E SSCC-96 with the last reserved bit set");
        assertEquals(EpcError.FIELD_OUT_OF_RANGE, error.kind(), "kind");
        assertTrue(error.message().contains("reserved"), error.message());
    }

    /** Found by every_decoded_tag_re_encodes_to_its_hex: the 2 bits after the 198 are padding, written as zero. */
    @Example
    void sgtin_198_with_padding_bits_set_is_not_decoded() {
        EpcError error = assertInstanceOf(EpcError.class,
                EpcDecoder.decode("3674257BF6B7A659B2C2BF1000000000000000000000000001"), "Annex E SGTIN-198, pad bit set");
        assertEquals(EpcError.FIELD_OUT_OF_RANGE, error.kind(), "kind");
        EpcError wordAligned = assertInstanceOf(EpcError.class,
                EpcDecoder.decode("3674257BF6B7A659B2C2BF100000000000000000000000000080"), "52 digits, word padding set");
        assertEquals(EpcError.FIELD_OUT_OF_RANGE, wordAligned.kind(), "kind of the 52-digit form");
    }

    /** A word-aligned (52-digit) read decodes to the canonical 50-digit hex, which is what the URI re-encodes to. */
    @Example
    void word_aligned_sgtin_198_keeps_the_canonical_hex() {
        String annexE = "3674257BF6B7A659B2C2BF1000000000000000000000000000";
        EpcTag tag = assertInstanceOf(EpcTag.class, EpcDecoder.decode(annexE.toLowerCase() + "00"), "52-digit read");
        assertEquals(annexE, tag.hex(), "canonical hex");
        assertEquals(tag, EpcEncoder.encode(tag.scheme(), tag.filter(), tag.uri()), "re-encodes to the same tag");
    }

    private static EpcResult decode(String hex) {
        return TimeBound.within(BOUND, () -> EpcDecoder.decode(hex), () -> "decode of " + EpcDecoder.echo(hex));
    }

    /** A tag with its URIs and canonical hex, or an error of the documented vocabulary with a message. */
    private static void assertCleanResult(EpcResult result, Supplier<String> what) {
        assertNotNull(result, what);
        if (result instanceof EpcError error) {
            assertTrue(KINDS.contains(error.kind()), () -> "known error kind '" + error.kind() + "' for " + what.get());
            assertFalse(error.message() == null || error.message().isBlank(), () -> "error message for " + what.get());
            assertTrue(error.message().length() < 1_000, () -> "message is capped, for " + what.get());
        } else {
            EpcTag tag = (EpcTag) result;
            assertTrue(tag.uri().startsWith("urn:epc:id:"), () -> "pure identity URI " + tag.uri());
            assertTrue(tag.tagUri().startsWith("urn:epc:tag:" + tag.scheme() + ":" + tag.filter() + "."),
                    () -> "tag URI " + tag.tagUri());
            assertTrue(tag.hex().matches("[0-9A-F]+"), () -> "upper-case hex " + tag.hex());
            assertFalse(tag.keys().isEmpty(), () -> "GS1 keys of " + tag.uri());
            tag.keys().values().forEach(v -> assertFalse(v == null || v.isEmpty(), () -> "key value of " + tag.uri()));
        }
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(80),
                // hex-looking text with non-hex characters that Character.digit would still accept
                Arbitraries.strings().withChars(HEX + " \t\r\n\u00a0\uff10\uff21\u0663gGxX-:").ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> anyHex() {
        Arbitrary<String> header = Arbitraries.of("30", "31", "32", "33", "34", "35", "36", "00", "E2", "3", "");
        // mostly the lengths the schemes accept and their neighbours, sometimes anything up to 300 digits
        Arbitrary<Integer> length = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(22, 48, 50, 21, 23, 47, 49, 51, 0, 1)),
                Tuple.of(1, Arbitraries.integers().between(0, 300)));
        return Combinators.combine(header, length, Arbitraries.longs()).as((h, n, seed) -> h + randomHex(n, seed));
    }

    /** A supported header, any filter and partition, and random field bits: gets past the header and length checks. */
    @Provide
    Arbitrary<String> schemeHex() {
        Arbitrary<EpcScheme> scheme = Arbitraries.of(EpcScheme.class);
        Arbitrary<Integer> partition = Arbitraries.frequency(Tuple.of(12, -1), Tuple.of(1, 7));
        Arbitrary<Boolean> wordAligned = Arbitraries.of(false, false, false, true);
        Arbitrary<String> serial198 = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().withChars(CSET82).ofMinLength(1).ofMaxLength(20)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(20)));
        Arbitrary<Boolean> zeroPad = Arbitraries.of(true, true, true, false);
        return Combinators.combine(scheme, Arbitraries.integers().between(0, 7), partition, Arbitraries.longs(),
                serial198, wordAligned, zeroPad).as(EpcProperties::schemeHex);
    }

    @Provide
    Arbitrary<String> schemeNames() {
        return Arbitraries.oneOf(Arbitraries.of("sgtin-96", "sgtin-198", "sscc-96", "sgln-96", "grai-96", "giai-96",
                "SGTIN-96", " sgtin-96 ", "gid-96", "sgtin"), Arbitraries.strings().all().ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> pureIdentityUris() {
        Arbitrary<String> prefix = Arbitraries.of("urn:epc:id:sgtin:", "urn:epc:id:sscc:", "urn:epc:id:sgln:",
                "urn:epc:id:grai:", "urn:epc:id:giai:", "URN:EPC:ID:SGTIN:", "urn:epc:tag:sgtin-96:3.", "");
        Arbitrary<String> field = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().numeric().ofMaxLength(14)),
                Tuple.of(2, Arbitraries.strings().withChars(CSET82 + "%").ofMaxLength(24)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)),
                Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(30).ofMaxLength(300)));
        return Combinators.combine(prefix, field.list().ofMinSize(1).ofMaxSize(4))
                .as((p, fields) -> p + String.join(".", fields));
    }

    @Provide
    Arbitrary<Key> gtinBodies() {
        return keys(13);
    }

    @Provide
    Arbitrary<Key> ssccBodies() {
        return keys(17);
    }

    @Provide
    Arbitrary<String> serials() {
        return Arbitraries.frequencyOf(
                // integers that fit SGTIN-96; jqwik's edge cases add 0 and the 38-bit maximum
                Tuple.of(4, Arbitraries.bigIntegers().between(BigInteger.ZERO, MAX_SGTIN_96_SERIAL).map(BigInteger::toString)),
                // numeric but not SGTIN-96: leading zeros, or 2^38 and beyond
                Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(2).ofMaxLength(20).map(s -> "0" + s.substring(1))),
                Tuple.of(1, Arbitraries.bigIntegers().between(MAX_SGTIN_96_SERIAL.add(BigInteger.ONE),
                        BigInteger.TEN.pow(20).subtract(BigInteger.ONE)).map(BigInteger::toString)),
                Tuple.of(4, Arbitraries.strings().withChars(CSET82).ofMinLength(1).ofMaxLength(20)));
    }

    /**
     * A GS1 key of {@code bodyDigits} plus its check digit, split for a company prefix of 6 to 12 digits: the first
     * digit (indicator or extension digit) moves behind the prefix in the EPC reference (TDS 2.4).
     */
    private static Arbitrary<Key> keys(int bodyDigits) {
        return Combinators.combine(Arbitraries.strings().numeric().ofLength(bodyDigits),
                Arbitraries.integers().between(6, 12)).as((body, cpLength) -> {
                    String key = body + Mod10.checkDigit(body);
                    return new Key(key, cpLength, key.substring(1, 1 + cpLength),
                            key.charAt(0) + key.substring(1 + cpLength, key.length() - 1));
                });
    }

    /** A GTIN-14 or SSCC-18, its company prefix length, and the company prefix and reference of its EPC URI. */
    record Key(String key, int prefixLength, String prefix, String reference) {
    }

    private static String schemeHex(EpcScheme scheme, int filter, int partitionChoice, long seed, String serial198,
            boolean wordAligned, boolean zeroPad) {
        java.util.Random random = new java.util.Random(seed);
        int partition = partitionChoice < 0 ? random.nextInt(7) : partitionChoice;
        BigInteger bits = BigInteger.valueOf(scheme.header).shiftLeft(3).or(BigInteger.valueOf(filter)).shiftLeft(3)
                .or(BigInteger.valueOf(partition));
        Partition layout = PartitionTable.standard().byValue(scheme.family, partition).orElse(null);
        if (layout == null) {
            bits = bits.shiftLeft(scheme.cpAndRefBits).or(new BigInteger(scheme.cpAndRefBits, random));
        } else {
            // mostly decimal fields in range, so most tries get past the range checks to the remainder
            bits = bits.shiftLeft(layout.cpBits()).or(field(layout.cpBits(), layout.cpDigits(), random))
                    .shiftLeft(layout.refBits()).or(field(layout.refBits(), layout.refDigits(), random));
        }
        bits = switch (scheme.remainder) {
            case STRING_SERIAL -> {
                BigInteger serial = bits;
                for (int i = 0; i < 20; i++) {
                    serial = serial.shiftLeft(7).or(BigInteger.valueOf(i < serial198.length() ? serial198.charAt(i) : 0));
                }
                yield serial;
            }
            // reserved bits: mostly zero as encoders write them, sometimes not
            case RESERVED -> bits.shiftLeft(scheme.remainder.bits)
                    .or(zeroPad ? BigInteger.ZERO : new BigInteger(scheme.remainder.bits, random));
            default -> bits.shiftLeft(scheme.remainder.bits).or(new BigInteger(scheme.remainder.bits, random));
        };
        int hexDigits = wordAligned && scheme == EpcScheme.SGTIN_198 ? 52 : scheme.hexDigits();
        int padBits = hexDigits * 4 - scheme.bits;
        bits = bits.shiftLeft(padBits).or(zeroPad ? BigInteger.ZERO : new BigInteger(padBits, random));
        String hex = bits.toString(16);
        hex = "0".repeat(hexDigits - hex.length()) + hex;
        return random.nextBoolean() ? hex : hex.toUpperCase();
    }

    /** Nine times in ten a value below 10^digits (when that fits the bits), else any value of the field's width. */
    private static BigInteger field(int width, int digits, java.util.Random random) {
        BigInteger limit = BigInteger.TEN.pow(digits);
        BigInteger any = new BigInteger(width, random);
        return random.nextInt(10) > 0 && limit.bitLength() <= width + 1 ? any.mod(limit) : any;
    }

    private static String randomHex(int length, long seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder hex = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            hex.append(HEX.charAt(random.nextInt(HEX.length())));
        }
        return hex.toString();
    }

    /** The serial as the pure identity URI writes it; written out here rather than calling the code under test. */
    private static String escape(String serial) {
        StringBuilder out = new StringBuilder();
        for (char c : serial.toCharArray()) {
            out.append(URI_ESCAPED.indexOf(c) >= 0 ? String.format("%%%02X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static String constant(java.lang.reflect.Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
