package io.linehub.masterdata;

import java.util.Map;

/**
 * One input row before validation: field values keyed by lower-case name, or the reason the row could
 * not even be read (wrong field count, a JSON element that is not an object, unparseable CSV).
 */
record RawSerialRow(int line, Map<String, String> fields, String problem) {

    static RawSerialRow of(int line, Map<String, String> fields) {
        return new RawSerialRow(line, fields, null);
    }

    static RawSerialRow broken(int line, String problem) {
        return new RawSerialRow(line, Map.of(), problem);
    }

    /** The trimmed value, or null when absent or blank: an empty cell means "not given", never "clear it". */
    String field(String name) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
