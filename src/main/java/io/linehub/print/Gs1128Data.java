package io.linehub.print;

import java.util.List;

/**
 * Field data for a GS1-128 barcode ({@code ^BC} without UCC check digit, mode N): start in subset C with FNC1
 * ({@code >;>8}), digit pairs in C, {@code >8} after every element without predefined length that is not last,
 * {@code >6} to subset B for other characters or an unpaired digit, {@code >5} back to C for long digit runs.
 */
public final class Gs1128Data {

    /** GS1-128 limit on data characters, counting AIs and separator FNC1s. */
    public static final int MAX_DATA_CHARACTERS = 48;

    // stands for FNC1 inside the element string; GS1 data (CSET 82) never contains it
    private static final char FNC1 = '\u001D';

    private Gs1128Data() {
    }

    /**
     * E.g. (01)12345678901234(21)123456(10)ABC123 gives {@code >;>8011234567890123421123456>810>6ABC123}.
     *
     * @throws IllegalArgumentException if the element string exceeds {@link #MAX_DATA_CHARACTERS}
     */
    public static String encode(List<Gs1Element> elements) {
        String data = elementString(elements);
        if (data.length() > MAX_DATA_CHARACTERS) {
            throw new IllegalArgumentException("GS1-128 carries at most " + MAX_DATA_CHARACTERS
                + " data characters, these elements need " + data.length());
        }
        StringBuilder out = new StringBuilder(">;>8");
        boolean subsetC = true;
        int i = 0;
        while (i < data.length()) {
            char c = data.charAt(i);
            if (subsetC) {
                if (c == FNC1) {
                    out.append(">8");
                    i++;
                } else if (isDigit(data, i) && isDigit(data, i + 1)) {
                    out.append(data, i, i + 2);
                    i += 2;
                } else {
                    // Zebra ignores an unpaired digit in subset C, so it goes to subset B like any other character
                    out.append(">6");
                    subsetC = false;
                }
            } else if (worthSubsetC(data, i)) {
                if (digitRun(data, i) % 2 == 1) {
                    out.append(c);
                    i++;
                }
                out.append(">5");
                subsetC = true;
            } else {
                out.append(c == FNC1 ? ">8" : c == '>' ? "><" : String.valueOf(c));
                i++;
            }
        }
        return out.toString();
    }

    private static String elementString(List<Gs1Element> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("a GS1-128 needs at least one element");
        }
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < elements.size(); i++) {
            Gs1Element element = elements.get(i);
            data.append(element.ai()).append(element.data());
            if (!element.predefinedLength() && i < elements.size() - 1) {
                data.append(FNC1);
            }
        }
        return data.toString();
    }

    // switching costs one symbol (two if B is needed again), pairing saves one per pair
    private static boolean worthSubsetC(String data, int from) {
        int run = digitRun(data, from);
        int pairs = run / 2;
        boolean runEndsData = from + run == data.length() || data.charAt(from + run) == FNC1;
        return pairs >= 3 || pairs >= 2 && runEndsData;
    }

    private static int digitRun(String data, int from) {
        int end = from;
        while (isDigit(data, end)) {
            end++;
        }
        return end - from;
    }

    private static boolean isDigit(String data, int i) {
        return i < data.length() && data.charAt(i) >= '0' && data.charAt(i) <= '9';
    }
}
