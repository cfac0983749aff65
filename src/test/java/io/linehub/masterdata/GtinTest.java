package io.linehub.masterdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GS1 check digit and GTIN-14 padding. */
class GtinTest {

    @Test
    void should_accept_valid_check_digits_of_every_length() {
        for (String gtin : new String[] {"09506000134352", "4006381333931", "036000291452", "73513537"}) {
            assertTrue(Gtin.hasValidCheckDigit(gtin), gtin + " has a valid check digit");
            assertTrue(Gtin.hasValidCheckDigit(Gtin.normalize(gtin).orElseThrow()), gtin + " still valid padded");
        }
    }

    @Test
    void should_reject_a_wrong_check_digit() {
        assertFalse(Gtin.hasValidCheckDigit("09506000134353"), "last digit off by one");
        assertFalse(Gtin.hasValidCheckDigit("0950600013435A"), "not digits");
    }

    @Test
    void should_pad_to_14_digits_only_for_gtin_lengths() {
        assertEquals(Optional.of("00000073513537"), Gtin.normalize(" 73513537 "), "GTIN-8 padded, trimmed");
        assertEquals(Optional.empty(), Gtin.normalize("123456789"), "9 digits is no GTIN");
        assertEquals(Optional.empty(), Gtin.normalize("095060001343521"), "15 digits is no GTIN");
    }

    @Test
    void should_parse_status_case_insensitively() {
        assertEquals(Optional.of(SerialStatus.DECOMMISSIONED), SerialStatus.parse(" Decommissioned "), "trimmed, any case");
        assertEquals(Optional.empty(), SerialStatus.parse("sold"), "unknown status");
        assertEquals("shipped", SerialStatus.SHIPPED.wire(), "lower-case wire name");
    }
}
