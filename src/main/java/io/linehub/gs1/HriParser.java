package io.linehub.gs1;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses bracketed human-readable input such as {@code (01)09501101530003(10)ABC123}; as in GS1's
 * Syntax Engine, a {@code (} inside a value is written {@code \(}.
 */
final class HriParser {

    private static final int MAX_AI_DIGITS = 4;

    private final AiTable table;

    HriParser(AiTable table) {
        this.table = table;
    }

    /** The elements in order, or the first error met left to right. Pairing rules are not checked here. */
    ParseResult parse(String hri, int currentYear) {
        List<ElementString> elements = new ArrayList<>();
        int pos = 0;
        int length = hri.length();
        while (pos < length) {
            if (hri.charAt(pos) != '(') {
                return new Gs1Error(Gs1Error.HRI_SYNTAX, "expected '(' at " + pos);
            }
            int close = pos + 1;
            while (close < length && close <= pos + MAX_AI_DIGITS && isAsciiDigit(hri.charAt(close))) {
                close++;
            }
            int digits = close - pos - 1;
            if (close >= length || hri.charAt(close) != ')' || digits < 2 || digits > MAX_AI_DIGITS) {
                return new Gs1Error(Gs1Error.HRI_SYNTAX, "AI must be 2 to 4 digits in parentheses at " + pos);
            }
            String ai = hri.substring(pos + 1, close);
            AiDefinition definition = table.find(ai).orElse(null);
            if (definition == null) {
                return new Gs1Error(Gs1Error.UNKNOWN_AI, "unknown AI (" + ai + ") at " + pos);
            }
            StringBuilder value = new StringBuilder();
            pos = close + 1;
            while (pos < length && hri.charAt(pos) != '(') {
                boolean escapedParen = hri.charAt(pos) == '\\' && pos + 1 < length && hri.charAt(pos + 1) == '(';
                value.append(escapedParen ? '(' : hri.charAt(pos));
                pos += escapedParen ? 2 : 1;
            }
            Gs1Error error = ElementValidator.validate(definition, value.toString(), currentYear, false);
            if (error != null) {
                return error;
            }
            elements.add(new ElementString(ai, value.toString()));
        }
        if (elements.isEmpty()) {
            return new Gs1Error(Gs1Error.NO_DATA, "no elements in bracketed input");
        }
        return new Gs1Data(elements, null);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
