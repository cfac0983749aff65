package io.linehub.epc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decimal fields of one EPC (company prefix, reference, serial or extension) and what follows
 * from them: both URIs and the GS1 keys (STANDARDS.md 2.3 and 2.4).
 */
record EpcFields(EpcScheme scheme, int filter, String companyPrefix, String reference, String third) {

    EpcTag toTag(String hex) {
        String body = companyPrefix + "." + reference + (third == null ? "" : "." + uriThird());
        return new EpcTag(scheme.tagName, filter, "urn:epc:id:" + scheme.family + ":" + body,
                "urn:epc:tag:" + scheme.tagName + ":" + filter + "." + body, keys(), hex);
    }

    private String uriThird() {
        return scheme.remainder == Remainder.STRING_SERIAL ? Cset82.escape(third) : third;
    }

    private Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        switch (scheme.family) {
            case "sgtin" -> {
                keys.put("01", Mod10.withCheckDigit(indicatorFirst()));
                keys.put("21", third);
            }
            case "sscc" -> keys.put("00", Mod10.withCheckDigit(indicatorFirst()));
            case "sgln" -> {
                keys.put("414", Mod10.withCheckDigit(companyPrefix + reference));
                if (!"0".equals(third)) {
                    keys.put("254", third);
                }
            }
            case "grai" -> keys.put("8003", Mod10.withCheckDigit("0" + companyPrefix + reference) + third);
            default -> keys.put("8004", companyPrefix + reference);
        }
        return keys;
    }

    /** GTIN and SSCC move the first reference digit (indicator / extension digit) in front of the prefix. */
    private String indicatorFirst() {
        return reference.charAt(0) + companyPrefix + reference.substring(1);
    }
}
