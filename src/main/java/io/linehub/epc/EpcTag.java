package io.linehub.epc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A decoded EPC: scheme, filter, both URIs, the canonical hex and the GS1 keys it carries, keyed by
 * Application Identifier in element-string order (01/21, 00, 414/254, 8003, 8004).
 */
public record EpcTag(String scheme, int filter, String uri, String tagUri, Map<String, String> keys, String hex)
        implements EpcResult {

    /** Length of "0" + GRAI company prefix + asset type + check digit, after which the serial starts. */
    private static final int GRAI_WITHOUT_SERIAL = 14;

    public EpcTag {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    public String gtin() {
        return keys.get("01");
    }

    /** The serial of an SGTIN (AI 21) or of a GRAI (the part of AI 8003 after the check digit). */
    public String serial() {
        String serial = keys.get("21");
        if (serial != null) {
            return serial;
        }
        String grai = keys.get("8003");
        return grai != null && grai.length() > GRAI_WITHOUT_SERIAL ? grai.substring(GRAI_WITHOUT_SERIAL) : null;
    }

    public String sscc() {
        return keys.get("00");
    }

    public String gln() {
        return keys.get("414");
    }

    /** The SGLN extension (AI 254); null when the tag encodes extension 0. */
    public String extension() {
        return keys.get("254");
    }

    public String grai() {
        return keys.get("8003");
    }

    public String giai() {
        return keys.get("8004");
    }

    /** The GS1 element string in human-readable form, e.g. {@code (01)80614141123458(21)6789}. */
    public String elementString() {
        StringBuilder text = new StringBuilder();
        keys.forEach((ai, value) -> text.append('(').append(ai).append(')').append(value));
        return text.toString();
    }
}
