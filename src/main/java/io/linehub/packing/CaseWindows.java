package io.linehub.packing;

import io.linehub.gs1.Gs1Data;
import io.linehub.scan.Scan;
import java.time.Duration;
import org.apache.camel.Message;

/**
 * Hands a packing station's read to the case aggregator (routes/case-packing.camel.yaml) with the
 * headers it groups by: the device, and how long the device may stay quiet before its case closes
 * (a portal's read window is short; a packing scanner's case stays open while the operator works).
 */
public final class CaseWindows {

    public static final String HEADER_ITEM = "linehubCaseItem";
    public static final String HEADER_KEY = "linehubCaseKey";
    public static final String HEADER_WINDOW_MS = "linehubCaseWindowMs";

    private final Duration readWindow;
    private final Duration sequenceIdle;

    public CaseWindows(Duration readWindow, Duration sequenceIdle) {
        this.readWindow = readWindow;
        this.sequenceIdle = sequenceIdle;
    }

    /** @return null when the read joins its device's case, else why it cannot (for a rejection) */
    public String admit(Message msg, Scan scan, Gs1Data data) {
        boolean sequence = !"rfid".equals(scan.transport());
        CaseItem item;
        if (data.sscc() != null) {
            item = new CaseItem(scan.device(), scan.line(), scan.station(), sequence, data.sscc(), null, null, null,
                    null, scan.epc(), scan.occurredAt());
        } else if (data.gtin() != null && data.serial() != null) {
            item = new CaseItem(scan.device(), scan.line(), scan.station(), sequence, null, data.gtin(), data.serial(),
                    data.lot(), data.expiry() == null ? null : data.expiry().toString(), scan.epc(), scan.occurredAt());
        } else {
            return "a packing station takes a case label (00) or a unit with GTIN (01) and serial (21)";
        }
        msg.setHeader(HEADER_ITEM, item.toMap());
        msg.setHeader(HEADER_KEY, scan.device());
        msg.setHeader(HEADER_WINDOW_MS, (sequence ? sequenceIdle : readWindow).toMillis());
        return null;
    }
}
