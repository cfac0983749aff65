package io.linehub.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parser behaviour beyond the shared vectors: EAN/UPC, symbologies, separators, pairing, linters and convenience accessors. */
class Gs1ParserBehaviourTest {

    private static final Clock IN_2025 = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    private final Gs1Parser parser = new Gs1Parser(IN_2025);

    private Gs1Data ok(String raw) {
        return assertInstanceOf(Gs1Data.class, parser.parse(raw), "should parse: " + raw.replace('\u001d', '|'));
    }

    private void error(String kind, String raw) {
        ParseResult result = parser.parse(raw);
        assertEquals(kind, result instanceof Gs1Error e ? e.kind() : "ok", "error kind for " + raw.replace('\u001d', '|')
                + " (" + result + ")");
    }

    @Test
    void should_turn_ean_and_upc_scans_into_a_14_digit_gtin() {
        Gs1Data ean13 = ok("]E09501101530003");
        assertEquals("09501101530003", ean13.gtin(), "EAN-13 right-aligned");
        assertEquals("]E0", ean13.symbology(), "symbology kept");
        assertEquals("00000002345680", ok("]E402345680").gtin(), "EAN-8 under ]E4");
        assertEquals("00416000336108", ok("]E0416000336108").gtin(), "UPC-A as 12 digits");
        assertEquals("00042100005264", ok("]E004252614").gtin(), "UPC-E 0425261(4) expands to UPC-A 042100005264");
        error(Gs1Error.BAD_CHECK_DIGIT, "]E09501101530004");
        error(Gs1Error.WRONG_LENGTH, "]E4950110153000");
        error(Gs1Error.BAD_CHARSET, "]E0950110153000A");
    }

    @Test
    void should_accept_digital_links_only_in_plain_symbols_and_refuse_other_symbologies() {
        assertEquals("]Q1", ok("]Q1https://id.gs1.org/01/09501101530003").symbology(), "DL in a plain QR Code");
        assertEquals("]d1", ok("]d1https://example.com/01/09501101530003").symbology(), "DL in a plain Data Matrix");
        error(Gs1Error.NOT_GS1, "]Q1HELLO");
        error(Gs1Error.UNSUPPORTED_SYMBOLOGY, "]A0HELLO");
        error(Gs1Error.UNSUPPORTED_SYMBOLOGY, "]I10109501101530003");
        assertNull(ok("010950110153000321A").symbology(), "no identifier sent, none reported");
    }

    @Test
    void should_tolerate_superfluous_and_trailing_separators_but_not_doubled_ones() {
        assertEquals(List.of(new ElementString("01", "09501101530003"), new ElementString("10", "ABC")),
                ok("]d2010950110153000310ABC\u001d").ais(), "a trailing GS is tolerated");
        error(Gs1Error.UNEXPECTED_SEPARATOR, "]d210ABC\u001d\u001d0109501101530003");
        String gsrn = CheckDigit.append("95011015300003000");
        assertEquals("8018" + gsrn + "\u001d8019123", ok("]d28018" + gsrn + "\u001d8019123").elementString(),
                "GS kept after fixed-length (8018), which is not of predefined length");
    }

    @Test
    void should_apply_pairing_rules_after_syntax() {
        error(Gs1Error.CONFLICTING_DUPLICATE, "(01)09501101530003(10)A(10)B");
        assertEquals(3, ok("(01)09501101530003(10)A(10)A").ais().size(), "a repeated identical element is allowed");
        error(Gs1Error.INVALID_PAIRING, "(01)09501101530003(3103)000195(3102)001950");
        error(Gs1Error.MISSING_REQUIRED_AI, "(00)106141412345678908(37)10");
        ok("(00)106141412345678908(02)09501101530003(37)10");
        error(Gs1Error.INVALID_PAIRING, "(8006)095011015300030102(01)09501101530003");
    }

    @Test
    void should_run_the_linters_the_table_attaches() {
        error(Gs1Error.INVALID_TIME, "(01)09501101530003(7003)2705312460");
        ok("(01)09501101530003(7003)2705312359");
        error(Gs1Error.INVALID_DATE, "(01)09501101530003(7003)2705002359");
        error(Gs1Error.BAD_VALUE, "(01)09501101530003(422)999");
        ok("(01)09501101530003(422)276");
        ok("(8013)1987654Ad4X4bL5ttr2310c2K");
        error(Gs1Error.BAD_CHECK_DIGIT, "(8013)1987654Ad4X4bL5ttr2310c2X");
        ok("(8003)0" + CheckDigit.append("952012345678") + "SER1");
        error(Gs1Error.BAD_VALUE, "(8003)1" + CheckDigit.append("952012345678"));
        error(Gs1Error.WRONG_LENGTH, "(01)09501101530003(7007)27053");
        error(Gs1Error.WRONG_LENGTH, "(01)09501101530003(7007)270531270");
        ok("(01)09501101530003(7007)270531270601");
    }

    @Test
    void should_unescape_parentheses_in_bracketed_values() {
        assertEquals("AB(1", ok("(01)09501101530003(10)AB\\(1").lot(), "\\( is a literal parenthesis");
        error(Gs1Error.UNKNOWN_AI, "(89)ABC");
        error(Gs1Error.HRI_SYNTAX, "(01)09501101530003(10");
    }

    @Test
    void should_offer_the_common_identifiers_through_accessors() {
        Gs1Data data = ok("]d201095011015300031727020010ABC123\u001d21XYZ987");
        assertEquals("09501101530003", data.gtin(), "gtin");
        assertEquals("XYZ987", data.serial(), "serial");
        assertEquals("ABC123", data.lot(), "lot");
        assertNull(data.sscc(), "no sscc");
        assertEquals(Optional.of("270200"), data.value("17"), "raw expiry value");
        assertEquals(Optional.empty(), data.value("99"), "absent AI");
        assertEquals(LocalDate.of(2027, 2, 28), data.expiry(IN_2025), "DD=00 is the month's last day");
        assertEquals("106141412345678908", ok("]C100106141412345678908").sscc(), "sscc");
    }
}
