package io.linehub.print;

/**
 * One component of an AI's data field in GS1 Syntax Dictionary notation, e.g. {@code N14,csum} or {@code [X..16]}.
 *
 * @param charset  {@code N} (digits) or {@code X} (GS1 AI encodable character set 82)
 * @param lint     an {@link AiLints} rule name, or null
 * @param optional true for a bracketed component that may be left out at the end of the data
 */
record AiComponent(char charset, int min, int max, boolean optional, String lint) {

    /** GS1 AI encodable character set 82: the only characters a GS1 barcode may carry in X components. */
    static final String CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    /** Parses {@code N18}, {@code X..20}, {@code N6,yymmd0}, {@code [X..16]}. */
    static AiComponent parse(String spec) {
        boolean optional = spec.startsWith("[") && spec.endsWith("]");
        String body = optional ? spec.substring(1, spec.length() - 1) : spec;
        int comma = body.indexOf(',');
        String lint = comma < 0 ? null : body.substring(comma + 1);
        String size = (comma < 0 ? body : body.substring(0, comma)).substring(1);
        char charset = body.charAt(0);
        if (charset != 'N' && charset != 'X') {
            throw new IllegalArgumentException("unsupported character set in " + spec);
        }
        if (size.startsWith("..")) {
            return new AiComponent(charset, 1, Integer.parseInt(size.substring(2)), optional, lint);
        }
        int length = Integer.parseInt(size);
        return new AiComponent(charset, length, length, optional, lint);
    }

    boolean fixedLength() {
        return min == max;
    }

    /** Why {@code part} does not fit this component, or null when it does. */
    String problem(String part) {
        if (part.length() < min || part.length() > max) {
            return fixedLength() ? "needs exactly " + max + " characters here" : "needs 1 to " + max + " characters";
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (charset == 'N' && (c < '0' || c > '9')) {
                return "'" + printable(c) + "' at position " + (i + 1) + " is not a digit";
            }
            if (charset == 'X' && CSET82.indexOf(c) < 0) {
                return "'" + printable(c) + "' at position " + (i + 1) + " is not in GS1 character set 82";
            }
        }
        return lint == null ? null : AiLints.problem(lint, part);
    }

    @Override
    public String toString() {
        String size = fixedLength() ? charset + String.valueOf(max) : charset + ".." + max;
        return optional ? "[" + size + "]" : size;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("U+%04X", (int) c);
    }
}
