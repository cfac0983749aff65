package io.linehub.epc;

import java.util.Optional;

/** Turns a GTIN-14 or SSCC-18 plus company prefix length into the "CP.reference" body of an EPC URI. */
final class Gs1KeyBody {

    private static final int MIN_CP = 6;
    private static final int MAX_CP = 12;

    private Gs1KeyBody() {
    }

    /** Empty when the key is malformed or its check digit is wrong; moves the leading indicator/extension digit behind the prefix and drops the check digit. */
    static Optional<String> of(String key, int length, int companyPrefixLength) {
        if (key == null || key.length() != length || !SerialRules.isDigits(key)
                || companyPrefixLength < MIN_CP || companyPrefixLength > MAX_CP
                || Mod10.checkDigit(key.substring(0, length - 1)) != key.charAt(length - 1)) {
            return Optional.empty();
        }
        String cp = key.substring(1, 1 + companyPrefixLength);
        String rest = key.substring(1 + companyPrefixLength, length - 1);
        return Optional.of(cp + "." + key.charAt(0) + rest);
    }
}
