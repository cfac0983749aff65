package io.linehub.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** GS1 dates: DD=00 as last day of month, leap years, and the GenSpecs 7.12 century sliding window. */
class Gs1DatesTest {

    @Test
    void should_read_day_00_as_the_last_day_of_the_month_including_leap_years() {
        assertEquals(LocalDate.of(2013, 2, 28), Gs1Dates.yymmd0("130200", 2013), "GenSpecs: 130200 is 2013 February 28");
        assertEquals(LocalDate.of(2016, 2, 29), Gs1Dates.yymmd0("160200", 2016), "GenSpecs: 160200 is 2016 February 29");
        assertEquals(LocalDate.of(2020, 6, 30), Gs1Dates.yymmd0("200600", 2025), "Syntax Engine test 200600 passes");
        assertEquals(LocalDate.of(2027, 12, 31), Gs1Dates.yymmd0("271200", 2025), "December ends on the 31st");
    }

    @Test
    void should_not_allow_day_00_where_the_linter_is_yymmdd() {
        assertNull(Gs1Dates.yymmdd("270500", 2025), "yymmdd (e.g. AI 7003) needs a real day");
        assertEquals(LocalDate.of(2027, 5, 31), Gs1Dates.yymmdd("270531", 2025), "a real day is fine");
    }

    @Test
    void should_accept_february_29_only_in_leap_years() {
        assertEquals(LocalDate.of(2028, 2, 29), Gs1Dates.yymmd0("280229", 2025), "2028 is a leap year");
        assertNull(Gs1Dates.yymmd0("270229", 2025), "2027 is not a leap year");
        assertEquals(LocalDate.of(2000, 2, 29), Gs1Dates.yymmd0("000229", 2025), "YY=00 seen from 2025 is 2000, a leap year");
        assertNull(Gs1Dates.yymmd0("000229", 2060), "YY=00 seen from 2060 is 2100, not a leap year");
    }

    @Test
    void should_reject_impossible_months_and_days() {
        assertNull(Gs1Dates.yymmd0("271301", 2025), "month 13");
        assertNull(Gs1Dates.yymmd0("270001", 2025), "month 00");
        assertNull(Gs1Dates.yymmd0("250431", 2025), "31 April");
        assertNull(Gs1Dates.yymmd0("27053", 2025), "five digits");
        assertNull(Gs1Dates.yymmd0("2705AB", 2025), "letters");
        assertNull(Gs1Dates.yymmd0(null, 2025), "null");
    }

    @Test
    void should_place_two_digit_years_from_49_years_back_to_50_years_ahead() {
        assertEquals(2075, Gs1Dates.resolveYear(75, 2025), "50 years ahead stays in this century");
        assertEquals(1976, Gs1Dates.resolveYear(76, 2025), "51 years ahead means the previous century");
        assertEquals(1999, Gs1Dates.resolveYear(99, 2025), "vector g051: 991225 is 1999-12-25");
        assertEquals(2025, Gs1Dates.resolveYear(25, 2074), "49 years back stays in this century");
        assertEquals(2124, Gs1Dates.resolveYear(24, 2074), "50 years back means the next century");
        assertEquals(2000, Gs1Dates.resolveYear(0, 1999), "from 1999, 00 is 2000");
    }

    @Test
    void should_read_four_digit_years_without_a_window() {
        assertEquals(LocalDate.of(1990, 7, 14), Gs1Dates.yyyymmdd("19900714"), "YYYYMMDD as written");
        assertNull(Gs1Dates.yyyymmdd("19900700"), "YYYYMMDD has no day 00");
    }

    @Test
    void should_resolve_the_expiry_of_parsed_data_against_the_given_clock() {
        Clock in2025 = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
        Gs1Data data = (Gs1Data) new Gs1Parser(in2025).parse("(01)09501101530003(17)280200");
        assertEquals(LocalDate.of(2028, 2, 29), data.expiry(in2025), "(17)280200 is the last day of February 2028");
        Gs1Data late = (Gs1Data) new Gs1Parser(in2025).parse("(01)09501101530003(17)991231");
        assertEquals(LocalDate.of(1999, 12, 31), late.expiry(in2025), "(17)991231 seen from 2025 is in the past century");
    }
}
