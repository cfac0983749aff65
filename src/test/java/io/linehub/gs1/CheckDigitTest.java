package io.linehub.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Check digits against the anchors of STANDARDS.md 1.6 (Syntax Engine tests, DL standard, TDS Annex E). */
class CheckDigitTest {

    @ParameterizedTest
    @ValueSource(strings = {"24012345678905", "2112233789657", "416000336108", "02345680", "09520123456788",
        "9520123456788", "952012345678912345", "80614141123458", "70614141123451", "106141412345678908",
        "09501101530003"})
    void should_accept_the_published_anchor_keys(String key) {
        assertTrue(CheckDigit.isValid(key), key + " carries a correct mod-10 check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"24012345678909", "09501101530004", "2112233789650", "106141412345678907"})
    void should_reject_keys_with_a_wrong_check_digit(String key) {
        assertFalse(CheckDigit.isValid(key), key + " has a wrong check digit");
    }

    @Test
    void should_compute_the_check_digit_of_the_genspecs_example() {
        assertEquals(3, CheckDigit.compute("0950110153000"), "0950110153000? -> 09501101530003");
        assertEquals("09501101530003", CheckDigit.append("0950110153000"), "append adds the check digit");
    }

    @Test
    void should_reject_non_digits_short_values_and_null() {
        assertFalse(CheckDigit.isValid("0950110153000A"), "letters are not a numeric key");
        assertFalse(CheckDigit.isValid("5"), "a single digit has no body");
        assertFalse(CheckDigit.isValid(null), "null is not a key");
        assertThrows(IllegalArgumentException.class, () -> CheckDigit.compute("12a"), "compute needs digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1987654Ad4X4bL5ttr2310c2K", "12345678901234567890123NT", "00000!HV", "22",
        "12345_abcdefghijklmN3", "149512464PM+GH"})
    void should_accept_valid_alphanumeric_check_pairs(String gmn) {
        assertTrue(CheckDigit.isValidAlphaPair(gmn), gmn + " ends in a correct check character pair");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1987654Ad4X4bL5ttr2310cXK", "1987654Ad4X4bL5ttr2310c2X", "33", "2", " 2345678901234567890123NT"})
    void should_reject_wrong_alphanumeric_check_pairs(String gmn) {
        assertFalse(CheckDigit.isValidAlphaPair(gmn), gmn + " has no correct check character pair");
    }
}
