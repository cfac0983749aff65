package io.linehub.masterdata;

import java.time.LocalDate;

/** A validated import row; null fields were not given and leave the stored value alone. */
record SerialRow(String gtin, String serial, String lot, LocalDate expiry, SerialStatus status,
                 String productName, String reason) {

    SerialKey key() {
        return new SerialKey(gtin, serial);
    }
}
