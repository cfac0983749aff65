package io.linehub.gs1;

import java.util.ArrayList;
import java.util.List;

/** Checks one AI value against its table definition: not empty, length, character set, then the component linters. */
final class ElementValidator {

    private ElementValidator() {
    }

    /**
     * The first problem with {@code value} for {@code definition}, or null: {@link #syntax} then {@link #content}.
     */
    static Gs1Error validate(AiDefinition definition, String value, int currentYear, boolean separated) {
        Gs1Error error = syntax(definition, value, separated);
        return error != null ? error : content(definition, value, currentYear);
    }

    /**
     * Not empty, a valid length, every component in its character set. With {@code separated}
     * (the value came from an element string, ended by GS or the end of data), too much data after
     * a fixed-length AI that is not of predefined length means the FNC1 separator was left out.
     */
    static Gs1Error syntax(AiDefinition definition, String value, boolean separated) {
        String ai = definition.ai();
        if (value.isEmpty()) {
            return new Gs1Error(Gs1Error.EMPTY_VALUE, "AI (" + ai + ") has an empty value");
        }
        Gs1Error error = checkLength(definition, value.length(), separated);
        List<AiComponent> components = definition.components();
        List<String> parts = error == null ? split(definition, value) : List.of();
        for (int i = 0; error == null && i < parts.size(); i++) {
            if (parts.get(i).length() < components.get(i).minLength()) {
                error = new Gs1Error(Gs1Error.WRONG_LENGTH, "AI (" + ai + ") component " + (i + 1) + " needs "
                        + components.get(i).minLength() + " characters, got " + parts.get(i).length());
            }
        }
        for (int i = 0; error == null && i < parts.size(); i++) {
            error = checkCharset(ai, components.get(i).charset(), parts.get(i));
        }
        return error;
    }

    /** The component linters (check digits, dates, times, codes), in component order; the syntax must be valid. */
    static Gs1Error content(AiDefinition definition, String value, int currentYear) {
        List<String> parts = split(definition, value);
        for (int i = 0; i < parts.size(); i++) {
            for (String linter : definition.components().get(i).linters()) {
                Gs1Error error = Linters.check(linter, definition.ai(), parts.get(i), currentYear);
                if (error != null) {
                    return error;
                }
            }
        }
        return null;
    }

    /** Cuts a value into its components; only trailing components are variable or optional, so each takes all it may. */
    private static List<String> split(AiDefinition definition, String value) {
        List<String> parts = new ArrayList<>();
        int pos = 0;
        for (AiComponent component : definition.components()) {
            if (pos == value.length() && component.optional()) {
                break;
            }
            int take = Math.min(value.length() - pos, component.maxLength());
            parts.add(value.substring(pos, pos + take));
            pos += take;
        }
        return parts;
    }

    private static Gs1Error checkLength(AiDefinition definition, int length, boolean separated) {
        String ai = definition.ai();
        int min = definition.minLength();
        int max = definition.maxLength();
        String kind = definition.predefined() ? "predefined" : "fixed";
        if (length > max && definition.fixedLength()) {
            return new Gs1Error(separated && !definition.predefined() ? Gs1Error.MISSING_SEPARATOR : Gs1Error.TOO_LONG,
                    "AI (" + ai + ") " + kind + " length " + max + ", got " + length);
        }
        if (length > max) {
            return new Gs1Error(Gs1Error.TOO_LONG, "AI (" + ai + ") max " + max + ", got " + length);
        }
        if (length < min) {
            String expected = definition.fixedLength() ? kind + " length " + min : "min " + min;
            return new Gs1Error(Gs1Error.WRONG_LENGTH, "AI (" + ai + ") " + expected + ", got " + length);
        }
        return null;
    }

    private static Gs1Error checkCharset(String ai, char charset, String part) {
        int bad = CharacterSets.firstInvalid(charset, part);
        if (bad < 0) {
            return null;
        }
        String message = charset == 'N'
                ? "non-digit '" + Printable.ch(part.charAt(bad)) + "' in numeric field of AI (" + ai + ")"
                : "'" + Printable.ch(part.charAt(bad)) + "' not in " + CharacterSets.name(charset) + " in AI (" + ai + ")";
        return new Gs1Error(Gs1Error.BAD_CHARSET, message);
    }
}
