package io.linehub.gs1;

import java.util.Arrays;
import java.util.List;

/**
 * One component of an AI's data field in Syntax Dictionary notation, e.g. {@code N6,yymmd0},
 * {@code X..20} or {@code [N..12]}: character set, length bounds, optionality and linters.
 */
public record AiComponent(char charset, int minLength, int maxLength, boolean optional, List<String> linters) {

    public AiComponent {
        linters = List.copyOf(linters);
    }

    /** True when the component always has exactly {@link #maxLength()} characters. */
    public boolean fixedLength() {
        return minLength == maxLength;
    }

    /** Parses one component such as {@code N13,csum,key}, {@code X..20} or {@code [N6],yymmdd}. */
    static AiComponent parse(String spec) {
        String[] parts = spec.split(",");
        String type = parts[0];
        boolean optional = type.startsWith("[") && type.endsWith("]");
        if (optional) {
            type = type.substring(1, type.length() - 1);
        }
        if (type.length() < 2 || "NXYZ".indexOf(type.charAt(0)) < 0) {
            throw new IllegalArgumentException("bad component type '" + spec + "'");
        }
        char charset = type.charAt(0);
        boolean variable = type.startsWith("..", 1);
        int length = Integer.parseInt(type.substring(variable ? 3 : 1));
        if (length < 1) {
            throw new IllegalArgumentException("bad component length '" + spec + "'");
        }
        List<String> linters = Arrays.asList(parts).subList(1, parts.length);
        return new AiComponent(charset, variable ? 1 : length, length, optional, linters);
    }
}
