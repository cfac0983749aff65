package io.linehub.gs1;

/** The GS1 character sets an AI component can be restricted to: N (digits), X (CSET 82), Y (CSET 39), Z (CSET 64). */
final class CharacterSets {

    /** CSET 82 in the order GS1 assigns character values (used by the alphanumeric check pair). */
    static final String CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final String CSET39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String CSET64 = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private static final boolean[] IN_82 = table(CSET82);
    private static final boolean[] IN_39 = table(CSET39);
    private static final boolean[] IN_64 = table(CSET64);

    private CharacterSets() {
    }

    /** Index of the first character of {@code value} outside character set {@code charset}, or -1. */
    static int firstInvalid(char charset, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = switch (charset) {
                case 'N' -> c >= '0' && c <= '9';
                case 'X' -> c < 128 && IN_82[c];
                case 'Y' -> c < 128 && IN_39[c];
                // '=' is CSET 64 padding and so only allowed at the end
                case 'Z' -> c < 128 && IN_64[c] || c == '=' && onlyPaddingFrom(value, i);
                default -> false;
            };
            if (!ok) {
                return i;
            }
        }
        return -1;
    }

    static String name(char charset) {
        return switch (charset) {
            case 'N' -> "numeric";
            case 'X' -> "CSET 82";
            case 'Y' -> "CSET 39";
            case 'Z' -> "CSET 64";
            default -> "charset " + charset;
        };
    }

    static boolean isDigits(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return s.length() > 0;
    }

    private static boolean onlyPaddingFrom(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            if (value.charAt(i) != '=') {
                return false;
            }
        }
        return true;
    }

    private static boolean[] table(String chars) {
        boolean[] in = new boolean[128];
        chars.chars().forEach(c -> in[c] = true);
        return in;
    }
}
