package io.linehub.epc;

/** The GS1 AI encodable character set 82 used by SGTIN-198 serials, and its URI escaping. */
final class Cset82 {

    private static final String PUNCTUATION = "!\"%&'()*+,-./:;<=>?_";
    /** Characters TDS requires to be percent-escaped inside an EPC URI. */
    private static final String URI_ESCAPED = "\"%&/<>?";

    private Cset82() {
    }

    static boolean contains(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || (c < 128 && PUNCTUATION.indexOf(c) >= 0);
    }

    static String escape(String serial) {
        StringBuilder out = new StringBuilder(serial.length());
        for (char c : serial.toCharArray()) {
            if (URI_ESCAPED.indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Undoes percent escapes; null when an escape is malformed. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0) {
                return null;
            }
            out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
            i += 2;
        }
        return out.toString();
    }
}
