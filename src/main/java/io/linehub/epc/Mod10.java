package io.linehub.epc;

/** The GS1 mod-10 check digit shared by GTIN, SSCC, GLN and GRAI. */
final class Mod10 {

    private Mod10() {
    }

    /** The check digit for a body of digits, weights 3,1,3,... counted from the right. */
    static char checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    static String withCheckDigit(String body) {
        return body + checkDigit(body);
    }
}
