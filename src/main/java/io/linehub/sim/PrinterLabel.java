package io.linehub.sim;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One format the simulated printer has printed: its exact bytes from {@code ^XA} to {@code ^XZ}, recorded once with
 * the copy count its {@code ^PQ} asked for.
 *
 * @param sequence 1 for the first label the simulator printed, counting on across connections and restarts
 * @param copies the {@code ^PQ} quantity, 1 without {@code ^PQ}; all copies were printed
 * @param receivedAt when {@code ^XZ} arrived
 * @param printedAt when the last copy came out
 */
public record PrinterLabel(long sequence, byte[] zpl, int copies, Instant receivedAt, Instant printedAt) {

    public PrinterLabel {
        Objects.requireNonNull(zpl, "zpl");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(printedAt, "printedAt");
        zpl = zpl.clone();
    }

    /** A copy: the simulator's record stays byte-exact whatever callers do with it. */
    @Override
    public byte[] zpl() {
        return zpl.clone();
    }

    /** The format as text (UTF-8, as {@code ^CI28} prints it). */
    public String text() {
        return new String(zpl, StandardCharsets.UTF_8);
    }

    public int size() {
        return zpl.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrinterLabel that && sequence == that.sequence && copies == that.copies
                && Arrays.equals(zpl, that.zpl) && receivedAt.equals(that.receivedAt)
                && printedAt.equals(that.printedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, Arrays.hashCode(zpl), copies, receivedAt, printedAt);
    }

    @Override
    public String toString() {
        return "PrinterLabel[#" + sequence + ", " + zpl.length + " bytes, copies=" + copies + ", printedAt="
                + printedAt + "]";
    }
}
