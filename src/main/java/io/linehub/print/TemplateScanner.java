package io.linehub.print;

import java.util.ArrayList;
import java.util.List;

/** Splits template source into literal ZPL and {@code {{...}}} placeholder bodies, dropping comments. */
final class TemplateScanner {

    /** Literal ZPL, or the text between {@code {{} and {@code }}} of a placeholder starting on {@code line}. */
    record Piece(String text, boolean placeholder, int line) {
    }

    // a comment may show placeholder examples, so it ends at #}} rather than at the first }}
    private static final String COMMENT_OPEN = "{{#";
    private static final String COMMENT_CLOSE = "#}}";

    private TemplateScanner() {
    }

    static List<Piece> scan(String template, String source) {
        List<Piece> pieces = new ArrayList<>();
        int pos = 0;
        while (pos < source.length()) {
            int open = source.indexOf("{{", pos);
            if (open < 0) {
                pieces.add(new Piece(source.substring(pos), false, lineOf(source, pos)));
                break;
            }
            if (open > pos) {
                pieces.add(new Piece(source.substring(pos, open), false, lineOf(source, pos)));
            }
            if (source.startsWith(COMMENT_OPEN, open)) {
                int end = source.indexOf(COMMENT_CLOSE, open + COMMENT_OPEN.length());
                if (end < 0) {
                    throw unclosed(template, source, open, COMMENT_CLOSE);
                }
                pos = end + COMMENT_CLOSE.length();
                // a comment on lines of its own must not leave blank lines in what the printer receives
                if (open == 0 || source.charAt(open - 1) == '\n') {
                    pos = skipLineBreak(source, pos);
                }
                continue;
            }
            int close = source.indexOf("}}", open + 2);
            int nested = source.indexOf("{{", open + 2);
            if (close < 0 || nested >= 0 && nested < close) {
                throw unclosed(template, source, open, "}}");
            }
            pieces.add(new Piece(source.substring(open + 2, close), true, lineOf(source, open)));
            pos = close + 2;
        }
        return pieces;
    }

    private static LabelTemplateException unclosed(String template, String source, int open, String closer) {
        return new LabelTemplateException(template, "line " + lineOf(source, open) + ": '"
            + source.substring(open, Math.min(source.length(), open + 3)) + "' is not closed by '" + closer + "'");
    }

    private static int skipLineBreak(String source, int pos) {
        if (source.startsWith("\r\n", pos)) {
            return pos + 2;
        }
        return source.startsWith("\n", pos) ? pos + 1 : pos;
    }

    private static int lineOf(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
