package io.linehub.scan;

import java.util.Arrays;
import java.util.Objects;

/**
 * One frame read from a scanner connection: its content without delimiters, or only the head of a frame rejected as oversized.
 *
 * @param data      the frame content without CR/LF/STX/ETX; for an oversized frame only its first {@code maxLength} bytes
 * @param oversized whether the frame exceeded the decoder's maximum length and must be rejected
 * @param length    the true number of content bytes seen, capped at {@link Integer#MAX_VALUE}
 */
public record TcpFrame(byte[] data, boolean oversized, int length) {

    private static final int PREVIEW_BYTES = 32;

    public TcpFrame {
        Objects.requireNonNull(data, "data");
        if (oversized ? length <= data.length : length != data.length) {
            throw new IllegalArgumentException("length " + length + " does not fit " + data.length + " data bytes (oversized="
                    + oversized + ")");
        }
        // records hand out their components; copying keeps a frame immutable once routed through the hub
        data = data.clone();
    }

    /** A complete, acceptable frame. */
    public static TcpFrame of(byte[] data) {
        Objects.requireNonNull(data, "data");
        return new TcpFrame(data, false, data.length);
    }

    /** A rejected frame that kept only {@code head} of its {@code length} content bytes. */
    public static TcpFrame oversized(byte[] head, int length) {
        return new TcpFrame(head, true, length);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TcpFrame that
                && oversized == that.oversized
                && length == that.length
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(data) + Boolean.hashCode(oversized)) + length;
    }

    /** Shows length and an escaped preview only, because frames end up in logs and may be megabytes of garbage. */
    @Override
    public String toString() {
        return "TcpFrame[length=" + length + ", oversized=" + oversized + ", data=\"" + preview(data) + "\"]";
    }

    private static String preview(byte[] bytes) {
        int shown = Math.min(bytes.length, PREVIEW_BYTES);
        StringBuilder text = new StringBuilder(shown * 2);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\\' || b == '"') {
                text.append('\\').append((char) b);
            } else if (b >= 0x20 && b < 0x7F) {
                text.append((char) b);
            } else {
                text.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            }
        }
        if (bytes.length > shown) {
            text.append("...");
        }
        return text.toString();
    }
}
