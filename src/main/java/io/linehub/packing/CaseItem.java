package io.linehub.packing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One read or scan at a packing station, on its way into a case: the case label (an SSCC) or a unit
 * (GTIN + serial). Travels through Camel's JDBC aggregation repository as a plain map, because the
 * repository only deserializes {@code java.*} types.
 *
 * @param sequence true for a scanner's sequence (case label, then units): a new label closes the open
 *                 case; false for a portal's read window, where tags of one case arrive in any order
 */
public record CaseItem(String device, String line, String station, boolean sequence, String sscc, String gtin,
                       String serial, String lot, String expiry, String epc, Instant readAt) {

    public boolean isCase() {
        return sscc != null;
    }

    public HashMap<String, String> toMap() {
        HashMap<String, String> m = new HashMap<>();
        m.put("device", device);
        m.put("line", line);
        m.put("station", station);
        m.put("sequence", String.valueOf(sequence));
        putIf(m, "sscc", sscc);
        putIf(m, "gtin", gtin);
        putIf(m, "serial", serial);
        putIf(m, "lot", lot);
        putIf(m, "expiry", expiry);
        putIf(m, "epc", epc);
        m.put("readAt", readAt.toString());
        return m;
    }

    public static CaseItem fromMap(Map<String, String> m) {
        return new CaseItem(m.get("device"), m.get("line"), m.get("station"), Boolean.parseBoolean(m.get("sequence")),
                m.get("sscc"), m.get("gtin"), m.get("serial"), m.get("lot"), m.get("expiry"), m.get("epc"),
                Instant.parse(m.get("readAt")));
    }

    private static void putIf(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
