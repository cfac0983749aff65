package io.linehub.gs1;

import java.util.Objects;

/** One GS1 element: an Application Identifier and its data value (without parentheses or separators). */
public record ElementString(String ai, String value) {

    public ElementString {
        Objects.requireNonNull(ai, "ai");
        Objects.requireNonNull(value, "value");
    }
}
