package io.linehub.epc;

import java.math.BigInteger;

/** The TDS rules for integer serials and references: digits only, no leading zeros, within the bit width. */
final class SerialRules {

    private SerialRules() {
    }

    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The error kind that stops {@code text} from being an integer of {@code bits} bits, or null. */
    static String integerError(String text, int bits) {
        if (text.isEmpty()) {
            return EpcError.EMPTY_SERIAL;
        }
        // a leading zero would be lost in binary, so TDS forbids it rather than silently changing the key
        if (!isDigits(text) || (text.length() > 1 && text.charAt(0) == '0')) {
            return EpcError.SERIAL_NOT_ENCODABLE;
        }
        // the length guard keeps BigInteger parsing linear for absurd inputs
        if (text.length() > bits || new BigInteger(text).bitLength() > bits) {
            return EpcError.SERIAL_OUT_OF_RANGE;
        }
        return null;
    }

    static String explain(String kind) {
        return switch (kind) {
            case EpcError.EMPTY_SERIAL -> "it is empty";
            case EpcError.SERIAL_NOT_ENCODABLE -> "only digits without leading zeros fit (use sgtin-198 for others)";
            default -> "the value is too large";
        };
    }
}
