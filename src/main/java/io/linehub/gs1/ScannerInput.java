package io.linehub.gs1;

/**
 * A raw scan split into its AIM symbology identifier ({@code ]d2}, {@code ]Q1}, ...; null when the
 * scanner sends none) and the data after it, with the scanner's CR/LF suffix removed.
 */
record ScannerInput(String symbology, String payload) {

    /** ASCII 29, how scanners transmit FNC1 used as a separator. */
    static final char GS = '\u001d';
    private static final int IDENTIFIER_LENGTH = 3;

    static ScannerInput of(String raw) {
        int end = raw.length();
        // Keyboard-wedge and serial scanners end each scan in CR, LF or CRLF; neither is ever GS1 data.
        while (end > 0 && (raw.charAt(end - 1) == '\r' || raw.charAt(end - 1) == '\n')) {
            end--;
        }
        String data = raw.substring(0, end);
        if (!data.startsWith("]")) {
            return new ScannerInput(null, data);
        }
        int split = Math.min(IDENTIFIER_LENGTH, data.length());
        return new ScannerInput(data.substring(0, split), data.substring(split));
    }

    /** True when the identifier has its full form: {@code ]}, a code character and a modifier. */
    boolean completeIdentifier() {
        return symbology != null && symbology.length() == IDENTIFIER_LENGTH;
    }
}
