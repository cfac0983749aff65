package io.linehub.rules;

/** The contract's rejection reasons, in the order the decision checks them. */
public enum Rejection {
    UNKNOWN_DEVICE, INVALID_BARCODE, UNKNOWN_SERIAL, DATA_MISMATCH, DUPLICATE, STATUS_CONFLICT
}
