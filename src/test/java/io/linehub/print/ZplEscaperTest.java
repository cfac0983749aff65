package io.linehub.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ^FH_ escaping against every row of zpl.md section 1, and as a property over random Unicode. */
class ZplEscaperTest {

    private static final LabelTemplate ONE_TEXT_FIELD = LabelTemplate.parse("one-text",
        "^XA^CI28^FO40,40^A0N,30,30{{text:value}}^FS^XZ");

    /** zpl.md section 1: raw data (Unicode) and the exact ZPL field. */
    static Stream<Arguments> escapingTable() {
        return Stream.of(
            Arguments.of("caret and tilde", "Para^cetamol ~500 mg", "^FH_^FDPara_5Ecetamol _7E500 mg^FS"),
            Arguments.of("injection attempt", "X^FS^XZ^XA^FO0,0^GB800,800,800^FS^XZ~JA",
                "^FH_^FDX_5EFS_5EXZ_5EXA_5EFO0,0_5EGB800,800,800_5EFS_5EXZ_7EJA^FS"),
            Arguments.of("underscore", "LOT_2025_A", "^FH_^FDLOT_5F2025_5FA^FS"),
            Arguments.of("umlaut and sharp s", "Müller Straße", "^FH_^FDM_C3_BCller Stra_C3_9Fe^FS"),
            Arguments.of("euro sign", "Preis 5€", "^FH_^FDPreis 5_E2_82_AC^FS"),
            Arguments.of("accented French", "Comprimés pelliculés", "^FH_^FDComprim_C3_A9s pellicul_C3_A9s^FS"),
            Arguments.of("GS control character", "A\u001DB", "^FH_^FDA_1DB^FS"),
            Arguments.of("plain ASCII", "Serial XYZ987, Lot ABC-123", "^FH_^FDSerial XYZ987, Lot ABC-123^FS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapingTable")
    void should_escape_every_row_of_the_vector_table_byte_for_byte(String label, String raw, String field) {
        assertEquals(field, "^FH_^FD" + ZplEscaper.escape(raw) + "^FS", label + ": escaped field");
        String rendered = new String(ONE_TEXT_FIELD.render(Map.of("value", raw), 1), StandardCharsets.US_ASCII);
        assertEquals("^XA^CI28^FO40,40^A0N,30,30" + field + "^XZ", rendered, label + ": rendered through a template");
        assertEquals(raw, ZplEscaper.unescape(ZplEscaper.escape(raw)), label + ": round trip");
    }

    @Test
    void should_round_trip_ten_thousand_random_unicode_strings_without_emitting_prefixes() {
        Random random = new Random(20250602L);
        Pattern wellFormed = Pattern.compile("([\\x20-\\x7E&&[^^~_]]|_[0-9A-F]{2})*");
        for (int n = 0; n < 10_000; n++) {
            String raw = randomUnicode(random);
            String escaped = ZplEscaper.escape(raw);
            assertTrue(escaped.indexOf('^') < 0 && escaped.indexOf('~') < 0,
                () -> "no ^ or ~ in the escaped form of " + codePoints(raw) + ": " + escaped);
            assertTrue(wellFormed.matcher(escaped).matches(),
                () -> "only printable ASCII and _XX escapes for " + codePoints(raw) + ": " + escaped);
            assertEquals(raw, ZplEscaper.unescape(escaped), () -> "round trip of " + codePoints(raw));
        }
    }

    @Test
    void should_refuse_text_that_is_not_valid_unicode() {
        assertThrows(IllegalArgumentException.class, () -> ZplEscaper.escape("A\uD800B"),
            "a lone surrogate cannot be encoded and must not be replaced silently");
        LabelDataException e = assertThrows(LabelDataException.class,
            () -> ONE_TEXT_FIELD.render(Map.of("value", "A\uDC00"), 1), "render reports the field");
        assertEquals("value", e.field(), "the exception names the field with the lone surrogate");
    }

    @Test
    void should_reject_malformed_escapes_when_unescaping() {
        assertThrows(IllegalArgumentException.class, () -> ZplEscaper.unescape("AB_4"), "dangling indicator");
        assertThrows(IllegalArgumentException.class, () -> ZplEscaper.unescape("_G1"), "non-hex digit");
        assertThrows(IllegalArgumentException.class, () -> ZplEscaper.unescape("_C3"), "truncated UTF-8 sequence");
    }

    private static String randomUnicode(Random random) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(32);
        while (out.codePointCount(0, out.length()) < length) {
            int kind = random.nextInt(10);
            int cp;
            if (kind < 2) {
                cp = "^~_>{}".charAt(random.nextInt(6));
            } else if (kind < 5) {
                cp = random.nextInt(0x80);
            } else if (kind < 8) {
                cp = 0x80 + random.nextInt(0x10000 - 0x80);
            } else {
                cp = 0x10000 + random.nextInt(0x110000 - 0x10000);
            }
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static String codePoints(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.append(String.format("U+%04X ", cp)));
        return out.toString().strip();
    }
}
