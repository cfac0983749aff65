package io.linehub.gs1;

import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The content checks ("linters") the AI table attaches to components, by name: each finds the
 * problem with a component value and reports it under an error kind.
 */
final class Linters {

    /** What a linter found wrong, under which error kind. */
    private record Problem(String kind, String text) {
    }

    /** A named check: from (component value, current year) to the problem found, or null. */
    private interface Linter extends BiFunction<String, Integer, Problem> {
    }

    /**
     * Linters accepted without a check: they need data linehub does not carry (the GS1 Company
     * Prefix length table for key, UN/ECE package codes, North American coupon formats).
     */
    private static final Set<String> NOT_CHECKED = Set.of("key", "packagetype", "couponcode", "couponposoffer",
            "gcppos1", "gcppos2");

    private static final Map<String, Linter> LINTERS = Map.ofEntries(
            Map.entry("csum", value(Gs1Error.BAD_CHECK_DIGIT, v -> CheckDigit.isValid(v) ? null
                    : "bad check digit in " + v + ", expected " + CheckDigit.compute(v.substring(0, v.length() - 1)))),
            Map.entry("csumalpha", value(Gs1Error.BAD_CHECK_DIGIT,
                    v -> CheckDigit.isValidAlphaPair(v) ? null : "bad check character pair in " + Printable.of(v))),
            Map.entry("yymmd0", dated(DateTimeLinters::yymmd0)),
            Map.entry("yymmdd", dated(DateTimeLinters::yymmdd)),
            Map.entry("yymmddhh", Linters::dateAndHour),
            Map.entry("yyyymmdd", value(Gs1Error.INVALID_DATE, DateTimeLinters::yyyymmdd)),
            Map.entry("yyyymmd0", value(Gs1Error.INVALID_DATE, DateTimeLinters::yyyymmd0)),
            Map.entry("hhmm", value(Gs1Error.INVALID_TIME, DateTimeLinters::hhmm)),
            Map.entry("hhmi", value(Gs1Error.INVALID_TIME, DateTimeLinters::hhmm)),
            Map.entry("mmoptss", value(Gs1Error.INVALID_TIME, DateTimeLinters::mmoptss)),
            Map.entry("pieceoftotal", value(Gs1Error.BAD_VALUE, ValueLinters::pieceOfTotal)),
            Map.entry("iso3166", value(Gs1Error.BAD_VALUE, v -> ValueLinters.country(v, false))),
            Map.entry("iso3166999", value(Gs1Error.BAD_VALUE, v -> ValueLinters.country(v, true))),
            Map.entry("iso3166list", value(Gs1Error.BAD_VALUE, ValueLinters::countryList)),
            Map.entry("iso3166alpha2", value(Gs1Error.BAD_VALUE, v -> v.matches("[A-Z]{2}") ? null
                    : "'" + Printable.of(v) + "' is not a two-letter country code")),
            Map.entry("iso4217", value(Gs1Error.BAD_VALUE, v -> v.matches("[0-9]{3}") ? null
                    : "'" + Printable.of(v) + "' is not a numeric currency code")),
            Map.entry("iso5218", value(Gs1Error.BAD_VALUE, v -> ValueLinters.oneOf(v, "biological sex", "0", "1", "2", "9"))),
            Map.entry("zero", value(Gs1Error.BAD_VALUE, v -> ValueLinters.oneOf(v, "digit", "0"))),
            Map.entry("yesno", value(Gs1Error.BAD_VALUE, v -> ValueLinters.oneOf(v, "flag", "0", "1"))),
            Map.entry("winding", value(Gs1Error.BAD_VALUE, v -> ValueLinters.oneOf(v, "winding direction", "0", "1", "9"))),
            Map.entry("hyphen", value(Gs1Error.BAD_VALUE, v -> ValueLinters.oneOf(v, "sign", "-"))),
            Map.entry("nonzero", value(Gs1Error.BAD_VALUE, v -> v.matches("0+") ? "value " + v + " must not be zero" : null)),
            Map.entry("nozeroprefix", value(Gs1Error.BAD_VALUE,
                    v -> v.length() > 1 && v.startsWith("0") ? "value " + v + " must not start with 0" : null)),
            Map.entry("mediatype", value(Gs1Error.BAD_VALUE, v -> v.matches("0[1-9]|10|[89][0-9]") ? null
                    : "media type " + Printable.of(v) + " not 01-10 or 80-99")),
            Map.entry("latitude", value(Gs1Error.BAD_VALUE, v -> ValueLinters.atMost(v, 1_800_000_000L, "latitude"))),
            Map.entry("longitude", value(Gs1Error.BAD_VALUE, v -> ValueLinters.atMost(v, 3_600_000_000L, "longitude"))),
            Map.entry("importeridx", value(Gs1Error.BAD_VALUE, v -> v.matches("[-0-9A-Za-z_]") ? null
                    : "importer index '" + Printable.of(v) + "' invalid")),
            Map.entry("pcenc", value(Gs1Error.BAD_VALUE, ValueLinters::percentEncoding)),
            Map.entry("posinseqslash", value(Gs1Error.BAD_VALUE, ValueLinters::positionInSequence)),
            Map.entry("hasnondigit", value(Gs1Error.BAD_VALUE,
                    v -> CharacterSets.isDigits(v) ? "value " + v + " must contain a non-digit" : null)),
            Map.entry("iban", value(Gs1Error.BAD_VALUE, v -> Iban.isValid(v) ? null : "invalid IBAN " + Printable.of(v))));

    private Linters() {
    }

    static boolean isKnown(String name) {
        return LINTERS.containsKey(name) || NOT_CHECKED.contains(name);
    }

    /** Runs linter {@code name} on one component value of AI {@code ai}; null when the value passes. */
    static Gs1Error check(String name, String ai, String value, int currentYear) {
        Linter linter = LINTERS.get(name);
        Problem problem = linter == null ? null : linter.apply(value, currentYear);
        return problem == null ? null : new Gs1Error(problem.kind(), "AI (" + ai + ") " + problem.text());
    }

    private static Linter value(String kind, Function<String, String> check) {
        return (v, year) -> problem(kind, check.apply(v));
    }

    private static Linter dated(BiFunction<String, Integer, String> check) {
        return (v, year) -> problem(Gs1Error.INVALID_DATE, check.apply(v, year));
    }

    private static Problem problem(String kind, String text) {
        return text == null ? null : new Problem(kind, text);
    }

    /** YYMMDDHH: a bad date part is an invalid date, a bad hour an invalid time. */
    private static Problem dateAndHour(String v, int currentYear) {
        Problem date = problem(Gs1Error.INVALID_DATE, DateTimeLinters.yymmdd(v.substring(0, Math.min(6, v.length())),
                currentYear));
        return date != null ? date : problem(Gs1Error.INVALID_TIME, DateTimeLinters.hour(v));
    }
}
