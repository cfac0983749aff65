package io.linehub.routes;

import java.util.List;

/**
 * The text of a route file, for problems Camel reports without a line: the line is where the offending
 * token (a bean name, an option, a route id) is written, searched from the step it belongs to.
 */
final class SourceLines {

    private final List<String> lines;

    SourceLines(String text) {
        this.lines = text.lines().toList();
    }

    /**
     * The 1-based line at or after {@code fromLine} where {@code token} stands as a whole word; else its first
     * such line in the file; else {@code fromLine}.
     */
    int lineOf(String token, int fromLine) {
        if (token == null || token.isBlank()) {
            return Math.max(1, fromLine);
        }
        int start = Math.max(1, fromLine);
        for (int i = start - 1; i < lines.size(); i++) {
            if (containsWord(lines.get(i), token)) {
                return i + 1;
            }
        }
        for (int i = 0; i < Math.min(start - 1, lines.size()); i++) {
            if (containsWord(lines.get(i), token)) {
                return i + 1;
            }
        }
        return start;
    }

    private static boolean containsWord(String line, String token) {
        int comment = commentStart(line);
        int at = line.indexOf(token);
        while (at >= 0 && (comment < 0 || at < comment)) {
            boolean startOk = at == 0 || !isWordChar(line.charAt(at - 1));
            int end = at + token.length();
            boolean endOk = end >= line.length() || !isWordChar(line.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            at = line.indexOf(token, at + 1);
        }
        return false;
    }

    /** A '#' that starts a YAML comment: at the start or after a blank ("#myBean" in quotes is a value). */
    private static int commentStart(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
