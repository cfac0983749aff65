package io.linehub.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Barcode values are validated per AI before anything is encoded, so no invalid barcode is ever printed. */
class Gs1ElementTest {

    @ParameterizedTest(name = "({0}) {1}")
    @CsvSource(delimiter = '|', value = {
        "00|106141412345678908", "01|09501101530003", "02|04017773003486", "10|ABC_123",
        "17|270531", "17|270500", "11|240229", "21|XYZ987", "30|12345678", "37|252", "410|4012345000009",
        "7003|2705311459", "8003|04012345000016SN1", "8003|04012345000016", "8006|950110153000380102",
        "91|anything_CSET82-allows", "715|NDC-12345"})
    void should_accept_valid_data(String ai, String data) {
        Gs1Element element = Gs1Element.of(ai, data, "f");
        assertEquals(data, element.data(), "data is kept unchanged");
    }

    @ParameterizedTest(name = "({0}) {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "01|09501101530004|check digit",
        "01|0950110153000|too short",
        "01|095011015300031|too long",
        "01|0950110153000A|not a digit",
        "00|106141412345678907|check digit",
        "10|ABC 123|character set 82",
        "10|ABCDEFGHIJKLMNOPQRSTU|1 to 20",
        "21|Ä1|character set 82",
        "21|A^B|character set 82",
        "21|A~B|character set 82",
        "17|271331|not a YYMMDD date",
        "17|270230|not a YYMMDD date",
        "17|250229|not a YYMMDD date",
        "7003|2705310000x|too long",
        "7003|2705302460|not an HHMM time",
        "8003|14012345000016|must start with 0",
        "8006|950110153000380301|piece number",
        "30|123456789|1 to 8"})
    void should_reject_data_that_would_make_an_invalid_barcode(String ai, String data, String reason) {
        LabelDataException e = assertThrows(LabelDataException.class, () -> Gs1Element.of(ai, data, "myField"),
            "(" + ai + ") " + data + " is invalid");
        assertEquals("myField", e.field(), "the exception names the job field");
        assertTrue(e.getMessage().contains(reason), "message '" + e.getMessage() + "' explains: " + reason);
        assertTrue(e.getMessage().contains("(" + ai + ")"), "message names the AI: " + e.getMessage());
    }

    @Test
    void should_accept_every_punctuation_character_of_cset_82() {
        String punctuation = "!\"%&'()*+,-./:;<=>?_";
        assertEquals(punctuation, Gs1Element.of("10", punctuation, "lot").data(), "CSET 82 punctuation is valid");
    }

    @Test
    void should_know_which_ais_need_a_separator_from_the_table() {
        assertTrue(Gs1Element.of("01", "09501101530003", "gtin").predefinedLength(), "(01) is predefined length");
        assertTrue(Gs1Element.of("17", "270531", "expiry").predefinedLength(), "(17) is predefined length");
        assertFalse(Gs1Element.of("10", "A", "lot").predefinedLength(), "(10) is variable length");
        assertFalse(Gs1Element.of("7003", "2705311459", "t").predefinedLength(),
            "(7003) is fixed length but not predefined, so it still needs FNC1");
        assertFalse(Gs1Element.of("8006", "950110153000380102", "t").predefinedLength(), "(8006) needs FNC1");
    }

    @Test
    void should_refuse_ais_labels_do_not_support() {
        assertThrows(IllegalArgumentException.class, () -> Gs1Element.of("99999", "1", "f"), "unknown AI");
        assertThrows(IllegalArgumentException.class, () -> Gs1Element.of("12", "270531", "f"), "AI 12 not in table");
    }
}
