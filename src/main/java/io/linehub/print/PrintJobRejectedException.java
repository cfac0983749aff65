package io.linehub.print;

/** A print job that cannot be accepted as sent; the message says why, for the sender. */
public final class PrintJobRejectedException extends RuntimeException {

    public PrintJobRejectedException(String reason) {
        super(reason);
    }
}
