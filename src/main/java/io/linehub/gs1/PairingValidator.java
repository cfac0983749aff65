package io.linehub.gs1;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks the elements of one scan together: no AI twice with different values, then per AI its ex and req rules. */
final class PairingValidator {

    private PairingValidator() {
    }

    static Gs1Error validate(List<ElementString> elements, AiTable table) {
        Map<String, String> seen = new HashMap<>();
        for (ElementString element : elements) {
            String previous = seen.putIfAbsent(element.ai(), element.value());
            if (previous != null && !previous.equals(element.value())) {
                return new Gs1Error(Gs1Error.CONFLICTING_DUPLICATE, "AI (" + element.ai() + ") appears twice with different values");
            }
        }
        Set<String> present = new LinkedHashSet<>();
        elements.forEach(element -> present.add(element.ai()));
        for (String ai : present) {
            AiDefinition definition = table.find(ai).orElse(null);
            if (definition == null) {
                continue;
            }
            for (String pattern : definition.excludes()) {
                for (String other : present) {
                    // An AI never excludes itself, even when one of its patterns (e.g. 310n) matches it.
                    if (!other.equals(ai) && AiDefinition.matches(pattern, other)) {
                        return new Gs1Error(Gs1Error.INVALID_PAIRING, "AI (" + ai + ") with AI (" + other + ")");
                    }
                }
            }
            for (List<String> group : definition.requires()) {
                if (group.stream().noneMatch(pattern -> present.stream().anyMatch(p -> AiDefinition.matches(pattern, p)))) {
                    return new Gs1Error(Gs1Error.MISSING_REQUIRED_AI,
                            "AI (" + ai + ") requires one of " + String.join(",", group));
                }
            }
        }
        return null;
    }
}
