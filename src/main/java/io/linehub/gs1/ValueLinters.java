package io.linehub.gs1;

/** Linters for codes and structured values; each returns a description of the problem, or null when the value is fine. */
final class ValueLinters {

    private ValueLinters() {
    }

    static String percentEncoding(String v) {
        for (int i = v.indexOf('%'); i >= 0; i = v.indexOf('%', i + 3)) {
            if (i + 2 >= v.length() || Character.digit(v.charAt(i + 1), 16) < 0 || Character.digit(v.charAt(i + 2), 16) < 0) {
                return "bad percent-encoding in '" + Printable.of(v) + "'";
            }
        }
        return null;
    }

    static String pieceOfTotal(String v) {
        if (v.length() % 2 != 0 || !CharacterSets.isDigits(v)) {
            return "piece/total '" + Printable.of(v) + "' is not NNMM";
        }
        int piece = Integer.parseInt(v.substring(0, v.length() / 2));
        int total = Integer.parseInt(v.substring(v.length() / 2));
        return piece > 0 && total > 0 && piece <= total ? null : "piece/total " + v + ": piece " + piece + " of " + total;
    }

    static String country(String v, boolean allow999) {
        return CountryCodes.isNumeric(v) || allow999 && v.equals("999") ? null
                : "'" + Printable.of(v) + "' is not an ISO 3166 country code";
    }

    static String countryList(String v) {
        if (v.length() % 3 != 0) {
            return "country list " + v + " is not a sequence of 3-digit codes";
        }
        for (int i = 0; i < v.length(); i += 3) {
            String problem = country(v.substring(i, i + 3), false);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** "n/m": position n of m, 1 <= n <= m. */
    static String positionInSequence(String v) {
        int slash = v.indexOf('/');
        boolean ok = slash > 0 && CharacterSets.isDigits(v.substring(0, slash))
                && CharacterSets.isDigits(v.substring(slash + 1)) && v.length() - slash - 1 <= 9 && slash <= 9
                && Integer.parseInt(v.substring(0, slash)) >= 1
                && Integer.parseInt(v.substring(0, slash)) <= Integer.parseInt(v.substring(slash + 1));
        return ok ? null : "'" + Printable.of(v) + "' is not a position n/m";
    }

    static String oneOf(String v, String what, String... allowed) {
        for (String a : allowed) {
            if (a.equals(v)) {
                return null;
            }
        }
        return what + " '" + Printable.of(v) + "' not one of " + String.join(",", allowed);
    }

    static String atMost(String v, long max, String what) {
        return CharacterSets.isDigits(v) && Long.parseLong(v) <= max ? null : what + " " + Printable.of(v) + " out of range";
    }
}
