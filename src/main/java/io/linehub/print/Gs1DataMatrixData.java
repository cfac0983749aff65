package io.linehub.print;

import java.util.List;

/**
 * Field data for a GS1 DataMatrix ({@code ^BX...,200,...,_}, escape character {@code _}): FNC1 {@code _1} first, as
 * separator after every element without predefined length that is not last, and a literal {@code _} doubled.
 *
 * <p>The field must not use {@code ^FH}: hex processing would run first and read {@code _10} as byte 0x10.
 */
public final class Gs1DataMatrixData {

    private static final String FNC1 = "_1";

    private Gs1DataMatrixData() {
    }

    /**
     * E.g. (01)09501101530003(17)270531(10)ABC_123(21)XYZ987 gives
     * {@code _101095011015300031727053110ABC__123_121XYZ987}.
     */
    public static String encode(List<Gs1Element> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("a GS1 DataMatrix needs at least one element");
        }
        StringBuilder out = new StringBuilder(FNC1);
        for (int i = 0; i < elements.size(); i++) {
            Gs1Element element = elements.get(i);
            out.append(element.ai()).append(element.data().replace("_", "__"));
            if (!element.predefinedLength() && i < elements.size() - 1) {
                out.append(FNC1);
            }
        }
        return out.toString();
    }
}
