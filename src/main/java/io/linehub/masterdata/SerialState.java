package io.linehub.masterdata;

import java.time.LocalDate;

/** The import-relevant columns of one stored serial; equality tells whether an UPDATE is needed. */
record SerialState(SerialKey key, String lot, LocalDate expiry, SerialStatus status, String statusReason) {
}
