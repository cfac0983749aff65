package io.linehub.gs1;

import java.util.ArrayList;
import java.util.List;

/** Splits a GS1 element string (FNC1-in-first already removed, GS as separator) into validated elements. */
final class ElementStringParser {

    private final AiTable table;

    ElementStringParser(AiTable table) {
        this.table = table;
    }

    /** The elements of {@code data} in order, or the first error met left to right. Pairing rules are not checked here. */
    ParseResult parse(String data, int currentYear) {
        if (data.isEmpty()) {
            return new Gs1Error(Gs1Error.NO_DATA, "no GS1 element string data");
        }
        List<ElementString> elements = new ArrayList<>();
        int pos = 0;
        int length = data.length();
        while (pos < length) {
            if (data.charAt(pos) == ScannerInput.GS) {
                return new Gs1Error(Gs1Error.UNEXPECTED_SEPARATOR, "GS where an AI was expected at " + pos);
            }
            AiDefinition definition = table.prefixAt(data, pos);
            if (definition == null) {
                return new Gs1Error(Gs1Error.UNKNOWN_AI,
                        "no known AI is a prefix of '" + Printable.excerpt(data.substring(pos, Math.min(length, pos + 4)), 0) + "'");
            }
            int start = pos + definition.ai().length();
            int end = definition.predefined()
                    ? valueEnd(data, start, Math.min(length, start + definition.maxLength()))
                    : valueEnd(data, start, length);
            String value = data.substring(start, end);
            Gs1Error error = ElementValidator.validate(definition, value, currentYear, true);
            if (error != null) {
                return error;
            }
            elements.add(new ElementString(definition.ai(), value));
            // A GS after a predefined-length value is superfluous but tolerated; after the last value it is a trailing GS.
            pos = end < length && data.charAt(end) == ScannerInput.GS ? end + 1 : end;
        }
        return new Gs1Data(elements, null);
    }

    /** Index of the first GS in [from, limit), or limit; bounded so predefined AIs never scan ahead (linear time). */
    private static int valueEnd(String data, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (data.charAt(i) == ScannerInput.GS) {
                return i;
            }
        }
        return limit;
    }
}
