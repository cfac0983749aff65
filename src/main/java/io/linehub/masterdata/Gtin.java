package io.linehub.masterdata;

import java.util.Optional;

/** GTIN normalisation to the 14-digit form the database keys on, with the GS1 mod-10 check digit. */
public final class Gtin {

    private Gtin() {
    }

    /**
     * Left-pads a GTIN-8/12/13 to 14 digits without checking the check digit, so a lookup by the
     * printed EAN finds the stored GTIN-14; empty when the text cannot be a GTIN at all.
     */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.trim();
        if (!isDigits(digits)) {
            return Optional.empty();
        }
        return switch (digits.length()) {
            case 8, 12, 13, 14 -> Optional.of("0".repeat(14 - digits.length()) + digits);
            default -> Optional.empty();
        };
    }

    /** True when the last digit is the GS1 mod-10 check digit of the others. */
    public static boolean hasValidCheckDigit(String digits) {
        return isDigits(digits) && digits.length() > 1
                && checkDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }

    /** GS1 weights alternate 3,1,3,... starting from the digit next to the check digit. */
    static int checkDigit(String body) {
        int sum = 0;
        for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (body.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    private static boolean isDigits(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
