package io.linehub.gs1;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/** GS1 date fields: YYMMDD with the GenSpecs 7.12 century window, DD=00 meaning the month's last day, and YYYYMMDD. */
public final class Gs1Dates {

    private Gs1Dates() {
    }

    /**
     * Full year for a two-digit year (GenSpecs 7.12): 51 to 99 years ahead of the current year's YY
     * means the previous century, 50 to 99 behind means the next, anything else the current one;
     * so dates run from 49 years in the past to 50 years in the future.
     */
    public static int resolveYear(int yy, int currentYear) {
        int century = Math.floorDiv(currentYear, 100) * 100;
        int difference = yy - Math.floorMod(currentYear, 100);
        if (difference >= 51) {
            return century - 100 + yy;
        }
        if (difference <= -50) {
            return century + 100 + yy;
        }
        return century + yy;
    }

    /** YYMMDD where DD=00 stands for the last day of the month (linter yymmd0); null when not a date. */
    public static LocalDate yymmd0(String yymmdd, int currentYear) {
        return parse(yymmdd, 2, currentYear, true);
    }

    /** YYMMDD, a real calendar day (linter yymmdd); null when not a date. */
    public static LocalDate yymmdd(String yymmdd, int currentYear) {
        return parse(yymmdd, 2, currentYear, false);
    }

    /** YYYYMMDD, a real calendar day; null when not a date. */
    public static LocalDate yyyymmdd(String yyyymmdd) {
        return parse(yyyymmdd, 4, 0, false);
    }

    private static LocalDate parse(String text, int yearDigits, int currentYear, boolean dayZeroAllowed) {
        if (text == null || text.length() != yearDigits + 4 || !CharacterSets.isDigits(text)) {
            return null;
        }
        int year = Integer.parseInt(text.substring(0, yearDigits));
        if (yearDigits == 2) {
            year = resolveYear(year, currentYear);
        }
        int month = Integer.parseInt(text.substring(yearDigits, yearDigits + 2));
        int day = Integer.parseInt(text.substring(yearDigits + 2));
        if (month < 1 || month > 12) {
            return null;
        }
        YearMonth yearMonth = YearMonth.of(year, month);
        if (day == 0) {
            return dayZeroAllowed ? yearMonth.atEndOfMonth() : null;
        }
        try {
            return yearMonth.atDay(day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
