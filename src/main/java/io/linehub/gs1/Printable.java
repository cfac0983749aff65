package io.linehub.gs1;

/** Renders a piece of untrusted scan data safely inside an error message. */
final class Printable {

    private static final int MAX_CHARS = 24;

    private Printable() {
    }

    /** Up to a few characters of {@code text} from {@code from}, control and non-ASCII characters escaped. */
    static String excerpt(CharSequence text, int from) {
        StringBuilder out = new StringBuilder();
        int end = Math.min(text.length(), from + MAX_CHARS);
        for (int i = Math.max(0, from); i < end; i++) {
            out.append(ch(text.charAt(i)));
        }
        if (end < text.length()) {
            out.append("...");
        }
        return out.toString();
    }

    static String of(CharSequence text) {
        return excerpt(text, 0);
    }

    /** One character as it should appear in a message: itself, or an escape such as \x1d. */
    static String ch(char c) {
        if (c >= 0x20 && c < 0x7f) {
            return String.valueOf(c);
        }
        return c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
    }
}
