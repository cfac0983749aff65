package io.linehub.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Decides accept or reject for a scan from plain facts; no I/O. Checks run in the order of
 * {@link Rejection}: a re-scan at the same station within the window is a DUPLICATE before it is a
 * status conflict. The window is per station: a unit that moves on (commissioned, then packed seconds
 * later) is not a repeat.
 */
public final class ScanDecider {

    private final Duration duplicateWindow;
    private final boolean rejectUnknownDevices;

    public ScanDecider(Duration duplicateWindow, boolean rejectUnknownDevices) {
        this.duplicateWindow = duplicateWindow;
        this.rejectUnknownDevices = rejectUnknownDevices;
    }

    /**
     * @param barcodeError why the barcode is unusable (payload or GS1 syntax), or null
     * @param serial       master data of the scanned serial, or null when unknown
     */
    public Decision decide(boolean deviceKnown, String barcodeError, String scannedLot, LocalDate scannedExpiry,
                           SerialSnapshot serial, StationRule rule, Instant now) {
        if (!deviceKnown && rejectUnknownDevices) {
            return Decision.reject(Rejection.UNKNOWN_DEVICE, "device is not listed in devices.yaml");
        }
        if (barcodeError != null) {
            return Decision.reject(Rejection.INVALID_BARCODE, barcodeError);
        }
        if (serial == null) {
            return Decision.reject(Rejection.UNKNOWN_SERIAL, "serial is not in master data");
        }
        if (scannedLot != null && !scannedLot.equals(serial.lot())) {
            return Decision.reject(Rejection.DATA_MISMATCH,
                    "lot " + scannedLot + " does not match master data lot " + serial.lot());
        }
        if (scannedExpiry != null && !scannedExpiry.equals(serial.expiry())) {
            return Decision.reject(Rejection.DATA_MISMATCH,
                    "expiry " + scannedExpiry + " does not match master data expiry " + serial.expiry());
        }
        if (serial.lastAcceptedAt() != null && serial.lastAcceptedAt().plus(duplicateWindow).isAfter(now)
                && (serial.lastAcceptedStation() == null || serial.lastAcceptedStation().equals(rule.id()))) {
            return Decision.reject(Rejection.DUPLICATE, "serial already accepted at " + serial.lastAcceptedAt()
                    + " by station " + rule.id() + ", within " + duplicateWindow);
        }
        if (!rule.allows(serial.status())) {
            return Decision.reject(Rejection.STATUS_CONFLICT,
                    "status " + serial.status() + " is not accepted by station " + rule.id());
        }
        String next = rule.sets();
        return Decision.accept(next == null || Objects.equals(next, serial.status()) ? null : next);
    }
}
