package io.linehub.gs1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of Digital Link path segments and query values, as GS1's Syntax Engine does it. */
final class PercentDecoder {

    private PercentDecoder() {
    }

    /**
     * Decodes %XX escapes as UTF-8; a {@code %} not followed by two hex digits stays a literal
     * {@code %}. With {@code plusIsSpace} (query values) {@code +} is a space; in a path it is a plus.
     */
    static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int high = c == '%' && i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                // The URI was checked to be ASCII, so every other character is one byte.
                bytes.write(c == '+' && plusIsSpace ? ' ' : c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
