package io.linehub.gs1;

import java.time.YearMonth;

/** Linters for date and time components; each returns a description of the problem, or null when the value is fine. */
final class DateTimeLinters {

    private DateTimeLinters() {
    }

    static String yymmd0(String value, int currentYear) {
        return Gs1Dates.yymmd0(value, currentYear) != null ? null : dateProblem(value, 2, currentYear, true);
    }

    static String yymmdd(String value, int currentYear) {
        return Gs1Dates.yymmdd(value, currentYear) != null ? null : dateProblem(value, 2, currentYear, false);
    }

    static String yyyymmdd(String value) {
        return Gs1Dates.yyyymmdd(value) != null ? null : dateProblem(value, 4, 0, false);
    }

    static String yyyymmd0(String value) {
        if (value.length() == 8 && value.endsWith("00")) {
            return yyyymmdd(value.substring(0, 6) + "01");
        }
        return yyyymmdd(value);
    }

    /** YYMMDDHH: the date part is checked by {@link #yymmdd}, the hour here. */
    static String hour(String yymmddhh) {
        return yymmddhh.length() == 8 ? range(yymmddhh.substring(6), "hour", 23) : "expected YYMMDDHH";
    }

    static String hhmm(String value) {
        if (value.length() != 4) {
            return "time " + value + ": expected HHMM";
        }
        String problem = range(value.substring(0, 2), "hour", 23);
        return problem != null ? problem : range(value.substring(2), "minute", 59);
    }

    /** MM or MMSS (minutes and optional seconds). */
    static String mmoptss(String value) {
        if (value.length() != 2 && value.length() != 4) {
            return "time " + value + ": expected MM or MMSS";
        }
        String problem = range(value.substring(0, 2), "minute", 59);
        return problem != null || value.length() == 2 ? problem : range(value.substring(2), "second", 59);
    }

    static String range(String twoDigits, String what, int max) {
        if (twoDigits.length() != 2 || !CharacterSets.isDigits(twoDigits)) {
            return what + " '" + Printable.of(twoDigits) + "' not two digits";
        }
        int n = Integer.parseInt(twoDigits);
        return n <= max ? null : what + " " + twoDigits + " out of range 00-" + max;
    }

    /** Says which part of an invalid date is wrong, e.g. "date 270230: day 30 not in 2027-02". */
    private static String dateProblem(String value, int yearDigits, int currentYear, boolean dayZeroAllowed) {
        if (value.length() != yearDigits + 4 || !CharacterSets.isDigits(value)) {
            return "date '" + Printable.of(value) + "' is not " + (yearDigits == 2 ? "YYMMDD" : "YYYYMMDD");
        }
        int month = Integer.parseInt(value.substring(yearDigits, yearDigits + 2));
        if (month < 1 || month > 12) {
            return "date " + value + ": month " + value.substring(yearDigits, yearDigits + 2);
        }
        int year = Integer.parseInt(value.substring(0, yearDigits));
        if (yearDigits == 2) {
            year = Gs1Dates.resolveYear(year, currentYear);
        }
        String day = value.substring(yearDigits + 2);
        if (day.equals("00") && !dayZeroAllowed) {
            return "date " + value + ": day 00 not allowed here";
        }
        return "date " + value + ": day " + day + " not in " + YearMonth.of(year, month);
    }
}
