package io.linehub.print;

/** Content rules beyond the character set (GS1 Syntax Dictionary linters) for the AIs labels carry. */
final class AiLints {

    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private AiLints() {
    }

    /** Why {@code part} (already checked for its character set and length) breaks rule {@code lint}, or null. */
    static String problem(String lint, String part) {
        return switch (lint) {
            case "csum" -> checkDigitProblem(part);
            case "zero" -> part.equals("0") ? null : "must start with 0";
            case "yymmd0" -> validDate(part, true) ? null : part + " is not a YYMMDD date (DD may be 00)";
            case "yymmdd" -> validDate(part, false) ? null : part + " is not a YYMMDD date";
            case "hhmm" -> validTime(part) ? null : part + " is not an HHMM time";
            case "pieceoftotal" -> validPieceOfTotal(part) ? null : part + " is not a piece number <= total";
            default -> throw new IllegalStateException("unknown lint " + lint);
        };
    }

    /** The GS1 mod-10 check digit of {@code body}: weights 3, 1, 3, ... from the right. */
    static int checkDigit(CharSequence body) {
        int sum = 0;
        for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (body.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    private static String checkDigitProblem(String digits) {
        int last = digits.length() - 1;
        int expected = checkDigit(digits.substring(0, last));
        return digits.charAt(last) - '0' == expected ? null
            : "check digit of " + digits + " is wrong (expected " + expected + ")";
    }

    private static boolean validDate(String yymmdd, boolean dayMayBeZero) {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int mm = Integer.parseInt(yymmdd.substring(2, 4));
        int dd = Integer.parseInt(yymmdd.substring(4, 6));
        if (mm < 1 || mm > 12 || dd > DAYS_IN_MONTH[mm - 1]) {
            return false;
        }
        // every YY%4==0 inside GS1's sliding century window (today 1976-2075) is a leap year, 2000 included
        boolean leapDayInCommonYear = mm == 2 && dd == 29 && yy % 4 != 0;
        return !leapDayInCommonYear && (dd > 0 || dayMayBeZero);
    }

    private static boolean validTime(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) < 24 && Integer.parseInt(hhmm.substring(2, 4)) < 60;
    }

    private static boolean validPieceOfTotal(String pppp) {
        int half = pppp.length() / 2;
        int piece = Integer.parseInt(pppp.substring(0, half));
        int total = Integer.parseInt(pppp.substring(half));
        return piece >= 1 && total >= 1 && piece <= total;
    }
}
