package io.linehub.print;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Hex-escapes text for a {@code ^FH_^FD} field under {@code ^CI28}, so that external data can never end a field or
 * start a format ({@code ^}) or control ({@code ~}) command.
 *
 * <p>Printable ASCII 0x20-0x7E is kept except {@code ^}, {@code ~} and the {@code ^FH} indicator {@code _};
 * every other byte of the UTF-8 encoding is written as {@code _XX} with two upper-case hex digits.
 */
public final class ZplEscaper {

    /** The {@code ^FH} indicator the renderer always declares ({@code ^FH_}). */
    public static final char INDICATOR = '_';

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ZplEscaper() {
    }

    /**
     * The escaped form of {@code text}; the result is pure printable ASCII without {@code ^} or {@code ~}.
     *
     * @throws IllegalArgumentException if {@code text} is not valid Unicode (a lone surrogate), because replacing
     *                                  it silently would print something the sender did not send
     */
    public static String escape(String text) {
        byte[] utf8 = encodeStrictly(text);
        StringBuilder out = new StringBuilder(utf8.length + 8);
        for (byte b : utf8) {
            int v = b & 0xFF;
            if (v >= 0x20 && v <= 0x7E && v != '^' && v != '~' && v != INDICATOR) {
                out.append((char) v);
            } else {
                out.append(INDICATOR).append(HEX[v >> 4]).append(HEX[v & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * Reverses {@link #escape}: what the printer reconstructs from {@code ^FH_} data (used to verify escaping).
     *
     * @throws IllegalArgumentException on a dangling indicator, bad hex digits or bytes that are not UTF-8
     */
    public static String unescape(String escaped) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == INDICATOR) {
                int hi = i + 2 < escaped.length() ? Character.digit(escaped.charAt(i + 1), 16) : -1;
                int lo = i + 2 < escaped.length() ? Character.digit(escaped.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("indicator at index " + i + " lacks two hex digits");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("non-ASCII character at index " + i + " in escaped data");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("escaped data does not decode as UTF-8", e);
        }
    }

    private static byte[] encodeStrictly(String text) {
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(text));
            byte[] utf8 = new byte[buffer.remaining()];
            buffer.get(utf8);
            return utf8;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text is not valid Unicode (lone surrogate)", e);
        }
    }
}
