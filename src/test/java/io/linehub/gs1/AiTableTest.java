package io.linehub.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped AI table: coverage, and consistency with the GenSpecs predefined-length and AI-length rules. */
class AiTableTest {

    private final AiTable table = AiTable.standard();

    /** GenSpecs predefined-length table: 2-digit prefix -> total length of AI plus data. */
    private static final Map<String, Integer> PREDEFINED = Map.ofEntries(Map.entry("00", 20), Map.entry("01", 16),
            Map.entry("02", 16), Map.entry("11", 8), Map.entry("12", 8), Map.entry("13", 8), Map.entry("15", 8),
            Map.entry("16", 8), Map.entry("17", 8), Map.entry("20", 4), Map.entry("31", 10), Map.entry("32", 10),
            Map.entry("33", 10), Map.entry("34", 10), Map.entry("35", 10), Map.entry("36", 10), Map.entry("41", 16));

    @Test
    void should_cover_the_well_known_application_identifiers() {
        List<String> expected = new ArrayList<>(List.of("00", "01", "02", "10", "11", "12", "13", "15", "16", "17", "20",
                "21", "22", "235", "240", "241", "242", "243", "250", "251", "253", "254", "255", "30", "37", "400", "401",
                "402", "403", "7040", "8030", "8110", "8111", "8112", "8200", "90"));
        for (String family : List.of("310", "311", "316", "320", "329", "330", "337", "349", "357", "369", "390", "391",
                "392", "393", "395")) {
            expected.add(family + "0");
            expected.add(family + "3");
        }
        addRange(expected, 410, 417);
        addRange(expected, 420, 427);
        addRange(expected, 7001, 7011);
        addRange(expected, 7020, 7023);
        addRange(expected, 710, 717);
        addRange(expected, 7230, 7241);
        addRange(expected, 7250, 7259);
        addRange(expected, 8001, 8013);
        addRange(expected, 8017, 8020);
        addRange(expected, 91, 99);
        expected.add("8026");
        for (String ai : expected) {
            assertTrue(table.find(ai).isPresent(), "AI (" + ai + ") should be in the table");
        }
        assertFalse(table.find("89").isPresent(), "(89) does not exist");
        assertFalse(table.find("3106").isPresent(), "decimal positions only go to 5");
    }

    @Test
    void should_mark_exactly_the_genspecs_prefixes_as_predefined_length() {
        for (AiDefinition definition : table.all()) {
            Integer total = PREDEFINED.get(definition.ai().substring(0, 2));
            assertEquals(total != null, definition.predefined(), "predefined flag of AI (" + definition.ai() + ")");
            if (total != null) {
                assertEquals(total - definition.ai().length(), definition.maxLength(), "data length of (" + definition.ai() + ")");
                assertTrue(definition.fixedLength(), "predefined AI (" + definition.ai() + ") has a fixed length");
            }
        }
    }

    @Test
    void should_give_every_ai_the_length_its_first_two_digits_dictate() {
        for (AiDefinition definition : table.all()) {
            int prefix = Integer.parseInt(definition.ai().substring(0, 2));
            int expected = prefix >= 31 && prefix <= 36 || prefix == 39 || prefix == 43 || prefix == 70 || prefix == 72
                    || prefix >= 80 && prefix <= 82 ? 4 : prefix >= 23 && prefix <= 25 || prefix >= 40 && prefix <= 42
                    || prefix == 71 ? 3 : 2;
            assertEquals(expected, definition.ai().length(), "length of AI (" + definition.ai() + ")");
        }
    }

    @Test
    void should_keep_fixed_length_ais_that_still_need_a_separator() {
        for (String ai : List.of("7003", "8006", "8018", "422")) {
            AiDefinition definition = table.find(ai).orElseThrow();
            assertTrue(definition.fixedLength() && !definition.predefined(), "(" + ai + ") is fixed but needs FNC1");
        }
        assertEquals(10, table.find("7003").orElseThrow().maxLength(), "7003 is YYMMDD + HHMM");
    }

    @Test
    void should_carry_digital_link_keys_and_qualifier_sequences() {
        assertEquals(List.of(List.of("22", "10", "21"), List.of("235")), table.find("01").orElseThrow().dlQualifiers(),
                "GTIN qualifiers 22,10,21 or 235");
        assertEquals(List.of(List.of("254"), List.of("7040")), table.find("414").orElseThrow().dlQualifiers(),
                "GLN qualifiers 254 or 7040");
        assertTrue(table.find("00").orElseThrow().dlPrimaryKey(), "SSCC is a DL primary key");
        assertFalse(table.find("10").orElseThrow().dlPrimaryKey(), "a lot is not a DL primary key");
        assertEquals(List.of(List.of("00"), List.of("02", "8026")), table.find("37").orElseThrow().requires(),
                "COUNT requires 00 and one of 02/8026");
    }

    @Test
    void should_refuse_a_table_with_an_unknown_linter_or_overlapping_ais() {
        String header = "ai\tpredefined\tformat\treq\tex\tdl_key\tdl_qualifiers\ttitle\n";
        assertThrows(IllegalStateException.class, () -> load(header + "99\tno\tX..9,nosuchlinter\t-\t-\tno\t-\tT\n"),
                "a typo in a linter name must fail at load time");
        assertThrows(IllegalStateException.class,
                () -> load(header + "99\tno\tX..9\t-\t-\tno\t-\tT\n991\tno\tX..9\t-\t-\tno\t-\tT\n"),
                "AIs must be prefix-free");
        assertEquals(6, load(header + "3100-3105\tyes\tN6\t-\t-\tno\t-\tT\n").all().size(), "ranges expand");
    }

    private static AiTable load(String tsv) {
        return AiTable.load(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
    }

    private static void addRange(List<String> list, int from, int to) {
        for (int ai = from; ai <= to; ai++) {
            list.add(String.valueOf(ai).length() == 1 ? "0" + ai : String.valueOf(ai));
        }
    }
}
