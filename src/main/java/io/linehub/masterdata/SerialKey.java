package io.linehub.masterdata;

/** The primary key of a serial: a 14-digit GTIN plus the serial number. */
record SerialKey(String gtin, String serial) {
}
