package io.linehub.print;

import java.util.List;

/**
 * The data format of one GS1 Application Identifier.
 *
 * @param predefinedLength true when GS1 predefines the length, so no FNC1 separator is ever needed after it;
 *                         fixed-length AIs outside that list (e.g. 7003, 8006) still need one
 */
record AiFormat(String ai, boolean predefinedLength, List<AiComponent> components) {

    AiFormat {
        components = List.copyOf(components);
    }

    /**
     * Why {@code value} is not valid data for this AI, or null when it is. Fixed-length components take their
     * length from the front; only the last component may vary or be left out.
     */
    String problem(String value) {
        int pos = 0;
        for (AiComponent component : components) {
            int remaining = value.length() - pos;
            if (component.optional() && remaining == 0) {
                break;
            }
            if (remaining < component.min()) {
                return "too short for format " + this;
            }
            int length = component.fixedLength() ? component.max() : remaining;
            String problem = component.problem(value.substring(pos, pos + length));
            if (problem != null) {
                return problem;
            }
            pos += length;
        }
        return pos == value.length() ? null : "too long for format " + this;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (AiComponent component : components) {
            out.append(out.length() == 0 ? "" : " ").append(component);
        }
        return out.toString();
    }
}
