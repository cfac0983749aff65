package io.linehub.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a template's ZPL around its placeholders, so a template that would print wrong or unescaped data is
 * rejected at load time instead of on the line.
 *
 * <p>Works on a skeleton: the template with each placeholder replaced by {@link #SLOT}.
 */
final class ZplStructure {

    /** Stands for a placeholder in the skeleton; a noncharacter, so no template means it. */
    static final char SLOT = '\uFFFF';

    /** A placeholder's position in the skeleton and its line in the template source. */
    record Slot(int at, Segment segment, int line) {
    }

    private static final Map<String, String> FORBIDDEN = Map.of(
        "FD", "field data must come from a placeholder, which escapes it",
        "FV", "field data must come from a placeholder, which escapes it",
        "FH", "the renderer writes ^FH_ itself, for text placeholders only",
        "CC", "changing the command prefix would defeat the escaping",
        "CT", "changing the control prefix would defeat the escaping",
        "CD", "changing the delimiter would defeat the escaping",
        "CI", "the encoding is fixed: ^CI28 must come right after ^XA and nowhere else");

    private final String template;
    private final String skeleton;
    private final List<int[]> formats = new ArrayList<>();

    private ZplStructure(String template, String skeleton) {
        this.template = template;
        this.skeleton = skeleton;
    }

    static void check(String template, String skeleton, List<Slot> slots) {
        ZplStructure structure = new ZplStructure(template, skeleton);
        structure.checkCommands();
        for (Slot slot : slots) {
            new SlotContext(structure.template, skeleton, slot, structure.formatStart(slot)).check();
        }
    }

    private void checkCommands() {
        int formatStart = -1;
        int allowedCi = -1;
        for (int i = 0; i < skeleton.length(); i++) {
            String command = commandAt(skeleton, i);
            if (command == null) {
                continue;
            }
            String mnemonic = command.substring(1);
            if (mnemonic.equals("XA")) {
                if (formatStart >= 0) {
                    throw error("^XA at '" + near(i) + "' opens a format inside another; close it with ^XZ first");
                }
                formatStart = i;
                allowedCi = skipWhitespace(i + 3);
                if (!skeleton.regionMatches(true, allowedCi, "^CI28", 0, 5) || isDigit(allowedCi + 5)) {
                    throw error("^XA at '" + near(i) + "' must be followed by ^CI28 (UTF-8), which the escaping"
                        + " relies on");
                }
            } else if (mnemonic.equals("XZ")) {
                if (formatStart < 0) {
                    throw error("^XZ at '" + near(i) + "' has no ^XA");
                }
                formats.add(new int[] {formatStart, i});
                formatStart = -1;
            } else if (FORBIDDEN.containsKey(mnemonic) && !(mnemonic.equals("CI") && i == allowedCi)) {
                throw error(command + " at '" + near(i) + "' is not allowed in templates: " + FORBIDDEN.get(mnemonic));
            }
        }
        if (formatStart >= 0) {
            throw error("the format opened at '" + near(formatStart) + "' is not closed by ^XZ");
        }
        if (formats.isEmpty()) {
            throw error("no ^XA ... ^XZ format");
        }
    }

    private int formatStart(Slot slot) {
        for (int[] format : formats) {
            if (format[0] < slot.at() && slot.at() < format[1]) {
                return format[0];
            }
        }
        throw new LabelTemplateException(template, "line " + slot.line() + ": placeholder outside ^XA ... ^XZ");
    }

    /** The upper-cased command ({@code ^XA}, {@code ~JA}) starting at {@code i}, or null. */
    static String commandAt(String zpl, int i) {
        char prefix = zpl.charAt(i);
        if (prefix != '^' && prefix != '~' || i + 2 >= zpl.length()) {
            return null;
        }
        return prefix + (String.valueOf(zpl.charAt(i + 1)) + zpl.charAt(i + 2)).toUpperCase(Locale.ROOT);
    }

    private int skipWhitespace(int i) {
        while (i < skeleton.length() && Character.isWhitespace(skeleton.charAt(i))) {
            i++;
        }
        return i;
    }

    private boolean isDigit(int i) {
        return i < skeleton.length() && Character.isDigit(skeleton.charAt(i));
    }

    private String near(int i) {
        return skeleton.substring(i, Math.min(skeleton.length(), i + 24)).replace(SLOT, '…').strip();
    }

    private LabelTemplateException error(String message) {
        return new LabelTemplateException(template, message);
    }
}
