package io.linehub.gs1;

/** IBAN syntax and ISO 7064 mod 97-10 check, for AI (8007). */
final class Iban {

    private static final int MAX_LENGTH = 34;

    private Iban() {
    }

    static boolean isValid(String iban) {
        if (iban.length() > MAX_LENGTH || !iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+")) {
            return false;
        }
        // Country code and check digits move to the end, letters count as 10..35, the number mod 97 must be 1.
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            remainder = c <= '9' ? (remainder * 10 + (c - '0')) % 97 : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder == 1;
    }
}
