package io.linehub.sim;

import java.io.IOException;
import java.util.Arrays;

/**
 * Cuts one connection's byte stream into what a Zebra acts on: label formats ({@code ^XA} through {@code ^XZ}) and
 * the status queries {@code ~HS} and {@code ~HQES}.
 *
 * <p>Like on a printer, control ({@code ~}) commands act the moment they are parsed, also inside a format; the
 * queries are therefore cut out of the format's bytes, everything else between {@code ^XA} and {@code ^XZ} is kept
 * byte for byte (a nested {@code ^XA} included). Bytes outside a format are dropped. Command names match
 * case-insensitively. Memory stays bounded: a format longer than the cap is discarded up to its {@code ^XZ}.
 * Not thread-safe: one parser per connection, fed by that connection's thread.
 */
final class PrinterStreamParser {

    /** What the parser found; called on the feeding thread. */
    interface Listener {

        void formatReceived(byte[] zpl);

        void hostStatusRequested() throws IOException;

        void extendedStatusRequested() throws IOException;

        /** A format outgrew {@code maxFormatBytes}: it is discarded, and so is the rest of it up to {@code ^XZ}. */
        void formatTooLarge(int maxFormatBytes);
    }

    private enum State { OUTSIDE, IN_FORMAT, SKIPPING }

    private static final int MASK_3 = 0xFF_FFFF;
    private static final long MASK_5 = 0xFF_FFFF_FFFFL;
    private static final int START = code("^XA");
    private static final int END = code("^XZ");
    private static final int HOST_STATUS = code("~HS");
    private static final long EXTENDED_STATUS = ((long) '~' << 32) | ((long) code("HQE") << 8) | 'S';
    private static final int INITIAL_CAPACITY = 4 * 1024;
    /** Largest ^PQ quantity the ZPL guide allows. */
    private static final int MAX_COPIES = 99_999_999;

    private final int maxFormatBytes;
    private final Listener listener;
    private State state = State.OUTSIDE;
    // the last five bytes, ASCII letters upper-cased, for matching commands split across reads
    private long window;
    // the last three bytes as received
    private int raw;
    private byte[] format = new byte[INITIAL_CAPACITY];
    private int length;
    private int peakFormatBytes;

    PrinterStreamParser(int maxFormatBytes, Listener listener) {
        if (maxFormatBytes < 6) {
            throw new IllegalArgumentException("maxFormatBytes must hold at least ^XA^XZ: " + maxFormatBytes);
        }
        this.maxFormatBytes = maxFormatBytes;
        this.listener = listener;
    }

    void feed(byte[] data, int offset, int count) throws IOException {
        for (int i = offset; i < offset + count; i++) {
            accept(data[i]);
        }
    }

    /** Whether a format has begun and not ended: the ~HS partial-format flag. */
    boolean partialFormat() {
        return state != State.OUTSIDE;
    }

    /** The most bytes one pending format has held. */
    int peakFormatBytes() {
        return peakFormatBytes;
    }

    /**
     * The connection ended: a pending partial format is discarded, not printed.
     *
     * @return how many bytes the discarded partial format had, 0 when there was none (or it was already
     *         reported as too large)
     */
    long endOfStream() {
        long discarded = state == State.IN_FORMAT ? length : 0;
        state = State.OUTSIDE;
        window = 0;
        resetFormat();
        return discarded;
    }

    /** The {@code ^PQ} quantity of a format (the last {@code ^PQ} wins, as later commands do in ZPL); 1 without. */
    static int copies(byte[] zpl) {
        int at = -1;
        for (int i = 0; i + 2 < zpl.length; i++) {
            if (zpl[i] == '^' && upper(zpl[i + 1]) == 'P' && upper(zpl[i + 2]) == 'Q') {
                at = i + 3;
            }
        }
        if (at < 0) {
            return 1;
        }
        long quantity = 0;
        for (int i = at; i < zpl.length && zpl[i] >= '0' && zpl[i] <= '9' && quantity <= MAX_COPIES; i++) {
            quantity = quantity * 10 + (zpl[i] - '0');
        }
        return quantity == 0 ? 1 : (int) Math.min(quantity, MAX_COPIES);
    }

    private void accept(byte b) throws IOException {
        window = (window << 8) | upper(b);
        raw = (raw << 8) | (b & 0xFF);
        switch (state) {
            case OUTSIDE -> acceptOutside();
            case IN_FORMAT -> acceptInFormat(b);
            case SKIPPING -> acceptSkipping();
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void acceptOutside() throws IOException {
        if (last3() == START) {
            state = State.IN_FORMAT;
            resetFormat();
            // the three bytes as sent, so a lower-case ^xa stays byte-exact
            append((byte) (raw >>> 16));
            append((byte) (raw >>> 8));
            append((byte) raw);
            window = 0;
        } else {
            queries(0);
        }
    }

    private void acceptInFormat(byte b) throws IOException {
        if (length == maxFormatBytes) {
            state = State.SKIPPING;
            resetFormat();
            listener.formatTooLarge(maxFormatBytes);
            acceptSkipping();
            return;
        }
        append(b);
        if (last3() == END) {
            byte[] complete = Arrays.copyOf(format, length);
            state = State.OUTSIDE;
            window = 0;
            resetFormat();
            listener.formatReceived(complete);
        } else {
            queries(1);
        }
    }

    private void acceptSkipping() throws IOException {
        if (last3() == END) {
            state = State.OUTSIDE;
            window = 0;
        } else {
            queries(0);
        }
    }

    /** Answers the queries; {@code cut} 1 removes the query's bytes from the pending format. */
    private void queries(int cut) throws IOException {
        if (last3() == HOST_STATUS) {
            length -= 3 * cut;
            window = 0;
            listener.hostStatusRequested();
        } else if ((window & MASK_5) == EXTENDED_STATUS) {
            length -= 5 * cut;
            window = 0;
            listener.extendedStatusRequested();
        }
    }

    private void append(byte b) {
        if (length == format.length) {
            format = Arrays.copyOf(format, Math.min(maxFormatBytes, format.length * 2));
        }
        format[length++] = b;
        peakFormatBytes = Math.max(peakFormatBytes, length);
    }

    private void resetFormat() {
        length = 0;
        if (format.length > INITIAL_CAPACITY) {
            // one huge format must not pin its buffer for the rest of the connection
            format = new byte[INITIAL_CAPACITY];
        }
    }

    private int last3() {
        return (int) (window & MASK_3);
    }

    private static int upper(byte b) {
        int c = b & 0xFF;
        return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
    }

    private static int code(String three) {
        return (three.charAt(0) << 16) | (three.charAt(1) << 8) | three.charAt(2);
    }
}
