package io.linehub.masterdata;

/** A status change decided by an import, to be appended to {@code serial_history}; {@code from} is null on creation. */
record PendingHistory(SerialKey key, SerialStatus from, SerialStatus to, String reason) {
}
