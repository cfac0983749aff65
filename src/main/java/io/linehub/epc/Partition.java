package io.linehub.epc;

/** One row of a TDS partition table: how the company prefix and reference share their bits. */
record Partition(String family, int value, int cpBits, int cpDigits, int refBits, int refDigits) {
}
