package io.linehub.gs1;

import java.util.List;

/**
 * Everything the GS1 AI table says about one Application Identifier: its data format, whether it
 * is of predefined length, its pairing rules and its GS1 Digital Link role.
 *
 * @param requires      groups that must all be satisfied; each group lists AIs or patterns ({@code 31nn}) of which one must be present
 * @param excludes      AIs or patterns that must not appear together with this AI
 * @param dlQualifiers  alternative ordered qualifier sequences when this AI is a Digital Link primary key
 */
public record AiDefinition(
        String ai,
        String title,
        boolean predefined,
        List<AiComponent> components,
        List<List<String>> requires,
        List<String> excludes,
        boolean dlPrimaryKey,
        List<List<String>> dlQualifiers) {

    public AiDefinition {
        components = List.copyOf(components);
        requires = requires.stream().map(List::copyOf).toList();
        excludes = List.copyOf(excludes);
        dlQualifiers = dlQualifiers.stream().map(List::copyOf).toList();
    }

    /** Shortest valid data length (mandatory components only). */
    public int minLength() {
        return components.stream().filter(c -> !c.optional()).mapToInt(AiComponent::minLength).sum();
    }

    /** Longest valid data length. */
    public int maxLength() {
        return components.stream().mapToInt(AiComponent::maxLength).sum();
    }

    /** True when the data always has the same length, whether or not that length is predefined. */
    public boolean fixedLength() {
        return minLength() == maxLength();
    }

    /** True when {@code ai} matches {@code pattern}, where an {@code n} in the pattern stands for any digit. */
    static boolean matches(String pattern, String ai) {
        if (pattern.length() != ai.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            char p = pattern.charAt(i);
            if (p != ai.charAt(i) && !(p == 'n' && ai.charAt(i) >= '0' && ai.charAt(i) <= '9')) {
                return false;
            }
        }
        return true;
    }
}
