package io.linehub.gs1;

import java.util.List;

/** Turns EAN-13, UPC-A, UPC-E ({@code ]E0}) and EAN-8 ({@code ]E4}) data into a GTIN, AI (01) right-aligned to 14 digits. */
final class EanUpcParser {

    private static final int GTIN_LENGTH = 14;

    private EanUpcParser() {
    }

    static ParseResult parse(String symbology, String data) {
        if (data.isEmpty()) {
            return new Gs1Error(Gs1Error.NO_DATA, "no data after " + symbology);
        }
        if (!CharacterSets.isDigits(data)) {
            int bad = CharacterSets.firstInvalid('N', data);
            return new Gs1Error(Gs1Error.BAD_CHARSET, "non-digit '" + Printable.ch(data.charAt(bad)) + "' in " + symbology + " data");
        }
        String gtin;
        if (symbology.equals("]E4") && data.length() == 8) {
            gtin = data;
        } else if (symbology.equals("]E0") && (data.length() == 12 || data.length() == 13)) {
            gtin = data;
        } else if (symbology.equals("]E0") && data.length() == 8 && (data.charAt(0) == '0' || data.charAt(0) == '1')) {
            gtin = expandUpcE(data);
        } else {
            return new Gs1Error(Gs1Error.WRONG_LENGTH, symbology + " data has " + data.length() + " digits; expected "
                    + (symbology.equals("]E4") ? "8 (EAN-8)" : "13 (EAN-13), 12 (UPC-A) or 8 (UPC-E)"));
        }
        String gtin14 = "0".repeat(GTIN_LENGTH - gtin.length()) + gtin;
        if (!CheckDigit.isValid(gtin14)) {
            return new Gs1Error(Gs1Error.BAD_CHECK_DIGIT, "bad check digit in " + symbology + " GTIN " + gtin);
        }
        return new Gs1Data(List.of(new ElementString("01", gtin14)), symbology);
    }

    /** UPC-E (number system, six digits, check digit) to the UPC-A it abbreviates, by the last of the six digits. */
    static String expandUpcE(String upcE) {
        char system = upcE.charAt(0);
        String d = upcE.substring(1, 7);
        char check = upcE.charAt(7);
        String body = switch (d.charAt(5)) {
            case '0', '1', '2' -> d.substring(0, 2) + d.charAt(5) + "0000" + d.substring(2, 5);
            case '3' -> d.substring(0, 3) + "00000" + d.substring(3, 5);
            case '4' -> d.substring(0, 4) + "00000" + d.charAt(4);
            default -> d.substring(0, 5) + "0000" + d.charAt(5);
        };
        return system + body + check;
    }
}
