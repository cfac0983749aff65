package io.linehub.sim;

/** What a simulated scan is meant to provoke at the hub. */
public enum ScanKind {
    /** A catalog serial scanned for the first time in this run: expect {@code scan.accepted}. */
    GOOD,
    /** A well-formed code whose serial is not in the catalog: expect UNKNOWN_SERIAL. */
    UNKNOWN_SERIAL,
    /** A catalog serial with the wrong lot or expiry: expect DATA_MISMATCH. */
    MISMATCH,
    /** Not a GS1 code at all, or a broken one: expect INVALID_BARCODE. */
    GARBAGE,
    /** A recent good code again: expect DUPLICATE (or STATUS_CONFLICT, by the hub's rules). */
    REPEAT
}
