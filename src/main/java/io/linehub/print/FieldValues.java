package io.linehub.print;

import java.util.Map;

/** A print job's fields as the renderer sees them: a missing, null or empty value is absent. */
record FieldValues(Map<String, String> values) {

    /** The value of {@code field}, or null when absent. */
    String get(String field) {
        String value = values.get(field);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The value of {@code field}; {@code usage} says what needs it, for the error message. */
    String require(String field, String usage) {
        String value = get(field);
        if (value == null) {
            throw new LabelDataException(field, "missing, but required by " + usage);
        }
        return value;
    }
}
