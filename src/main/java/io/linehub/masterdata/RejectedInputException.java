package io.linehub.masterdata;

/** Input that cannot be imported, with the reason reported back to the sender. */
final class RejectedInputException extends Exception {

    RejectedInputException(String reason) {
        // no stack trace: this is an expected outcome per bad row, and a million-row file may have many
        super(reason, null, false, false);
    }
}
