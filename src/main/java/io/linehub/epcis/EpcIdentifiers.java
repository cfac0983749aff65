package io.linehub.epcis;

import io.linehub.gs1.CheckDigit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names trade items and logistic units in EPCIS: an EPC pure-identity URI when the key's company
 * prefix is one of ours (its length is then known), otherwise the canonical GS1 Digital Link URI,
 * which needs no prefix length. An EPC read from a tag is always taken as it is.
 */
final class EpcIdentifiers {

    private static final String SGTIN = "urn:epc:id:sgtin:";
    private static final String SSCC = "urn:epc:id:sscc:";
    private static final String DIGITAL_LINK = "https://id.gs1.org/";
    private static final int GTIN_LENGTH = 14;
    private static final int SSCC_LENGTH = 18;

    /** Longest first, so a prefix that extends a shorter configured one wins. */
    private final List<String> prefixes;

    EpcIdentifiers(List<String> companyPrefixes) {
        this.prefixes = companyPrefixes.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** A unit (trade item instance): its tag's EPC, else from GTIN-14 and serial. */
    String unit(String gtin, String serial, String epc) {
        if (present(epc)) {
            return epc;
        }
        if (!present(serial)) {
            throw new IllegalArgumentException("a unit needs an EPC or a GTIN with a serial");
        }
        String key = checked(gtin, GTIN_LENGTH, "GTIN");
        return companyPrefix(key)
                // indicator digit moves in front of the item reference; the check digit is dropped
                .map(cp -> SGTIN + cp + "." + key.charAt(0) + key.substring(1 + cp.length(), GTIN_LENGTH - 1)
                        + "." + UriComponents.epcComponent(serial))
                .orElseGet(() -> DIGITAL_LINK + "01/" + key + "/21/" + UriComponents.digitalLinkValue(serial));
    }

    /** A child of an {@code aggregation.packed} event ({@code gtin}, {@code serial}, {@code epc}). */
    String unit(Map<String, String> child) {
        return unit(child.get("gtin"), child.get("serial"), child.get("epc"));
    }

    /** A logistic unit: its tag's EPC when that is an SSCC, else from the SSCC-18. */
    String logisticUnit(String sscc, String epc) {
        if (present(epc) && epc.startsWith(SSCC)) {
            return epc;
        }
        String key = checked(sscc, SSCC_LENGTH, "SSCC");
        return companyPrefix(key)
                // extension digit moves in front of the serial reference; the check digit is dropped
                .map(cp -> SSCC + cp + "." + key.charAt(0) + key.substring(1 + cp.length(), SSCC_LENGTH - 1))
                .orElseGet(() -> DIGITAL_LINK + "00/" + key);
    }

    private Optional<String> companyPrefix(String key) {
        return prefixes.stream().filter(p -> key.startsWith(p, 1)).findFirst();
    }

    private static String checked(String key, int length, String what) {
        if (key == null || key.length() != length || !CheckDigit.isValid(key)) {
            throw new IllegalArgumentException(what + " " + key + " is not " + length
                    + " digits with a valid check digit");
        }
        return key;
    }

    static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
