package io.linehub.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets written as literal values in configuration and route text: a password, token, secret or
 * authorization setting (properties {@code key = value}, YAML {@code key: value}, URI {@code ?key=value})
 * whose value is not empty and not a placeholder ({@code {{env:NAME:}}}, {@code {{some.key}}}) whose
 * defaults are themselves empty or placeholders. Comment lines are skipped.
 */
final class LiteralSecrets {

    private static final String SECRET_WORDS = "password|passwd|passphrase|secret|token|api[-_]?key|credentials?"
            + "|authorization|access[-_]?key|secret[-_]?key";
    /** A key ending in a secret word: {@code linehub.db.password}, {@code password}, {@code secretKey}. */
    private static final Pattern SETTING = Pattern.compile(
            "^\\s*-?\\s*([\\w.\\-]*?(?:" + SECRET_WORDS + "))\\s*[=:]\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern URI_PARAM = Pattern.compile(
            "[?&]([\\w\\-]*(?:" + SECRET_WORDS + "))=([^&\"'\\s]*)", Pattern.CASE_INSENSITIVE);

    private LiteralSecrets() {
    }

    /** @return one line per finding: "line N: key = value" */
    static List<String> find(String text) {
        List<String> findings = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher setting = SETTING.matcher(line);
            if (setting.matches() && !isSafe(setting.group(2))) {
                findings.add("line " + (i + 1) + ": " + setting.group(1) + " = " + setting.group(2));
            }
            Matcher param = URI_PARAM.matcher(line);
            while (param.find()) {
                if (!isSafe(param.group(2))) {
                    findings.add("line " + (i + 1) + ": " + param.group(1) + "=" + param.group(2));
                }
            }
        }
        return findings;
    }

    /** Empty, a YAML map or list opener, or placeholders all the way down. */
    static boolean isSafe(String raw) {
        String value = unwrap(raw.strip());
        return value.isEmpty() || isPlaceholder(value);
    }

    private static String unwrap(String value) {
        String v = value;
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1).strip();
        }
        if (v.startsWith("RAW(") && v.endsWith(")") || v.startsWith("RAW{") && v.endsWith("}")) {
            v = v.substring(4, v.length() - 1).strip();
        }
        return v;
    }

    private static boolean isPlaceholder(String value) {
        if (!value.startsWith("{{") || !value.endsWith("}}") || !balanced(value)) {
            return false;
        }
        String inner = value.substring(2, value.length() - 2);
        if (inner.startsWith("env:")) {
            inner = inner.substring(4);
        }
        int colon = topLevelColon(inner);
        if (colon < 0) {
            return true;
        }
        String fallback = inner.substring(colon + 1);
        return fallback.isEmpty() || isPlaceholder(fallback);
    }

    /** The braces of the outer {{ }} close only at the very end (so "{{a}}x{{b}}" is not one placeholder). */
    private static boolean balanced(String value) {
        int depth = 0;
        for (int i = 0; i < value.length() - 1; i++) {
            if (value.startsWith("{{", i)) {
                depth++;
                i++;
            } else if (value.startsWith("}}", i)) {
                depth--;
                i++;
                if (depth == 0 && i < value.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    private static int topLevelColon(String inner) {
        int depth = 0;
        for (int i = 0; i < inner.length(); i++) {
            if (inner.startsWith("{{", i)) {
                depth++;
                i++;
            } else if (inner.startsWith("}}", i)) {
                depth--;
                i++;
            } else if (inner.charAt(i) == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
