package io.linehub.rfid;

import com.fasterxml.jackson.databind.JsonNode;

/** Field readers shared by the payload shapes, lenient where readers differ and strict where a read would be wrong. */
final class ReadFields {

    private static final int HIGHEST_ANTENNA = 65_535;
    // anything outside this is a unit mix-up or garbage, not a received signal strength
    private static final double LOWEST_PLAUSIBLE_DBM = -200;
    private static final double HIGHEST_PLAUSIBLE_DBM = 100;

    private ReadFields() {
    }

    /** Non-blank text of a field, or {@code null}. */
    static String text(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        return node.asText();
    }

    /** First non-blank text among the fields, or {@code null}. */
    static String firstText(JsonNode parent, String... fields) {
        for (String field : fields) {
            String value = text(parent, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The EPC text of a field, failing with a reason naming the field when it is absent or not text. */
    static String requiredEpcText(JsonNode parent, String field, String shownName) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("missing " + shownName);
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(shownName + " is not a string");
        }
        return node.asText();
    }

    /** Antenna port, {@code 0} when absent; a present but unusable value is an error, since it would misplace the tag. */
    static int antenna(JsonNode parent, String field, String shownName) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return 0;
        }
        Long value = wholeNumber(node);
        if (value == null || value < 0 || value > HIGHEST_ANTENNA) {
            throw new IllegalArgumentException(shownName + " is not an antenna port: " + abbreviated(node));
        }
        return value.intValue();
    }

    /** Signal strength in whole dBm after dividing by {@code divisor}; unusable values give {@code null}. */
    static Integer rssi(JsonNode parent, String field, double divisor) {
        JsonNode node = parent.get(field);
        if (node == null) {
            return null;
        }
        double raw;
        if (node.isNumber()) {
            raw = node.doubleValue();
        } else if (node.isTextual()) {
            try {
                raw = Double.parseDouble(node.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        double dbm = raw / divisor;
        if (!Double.isFinite(dbm) || dbm < LOWEST_PLAUSIBLE_DBM || dbm > HIGHEST_PLAUSIBLE_DBM) {
            return null;
        }
        return (int) Math.round(dbm);
    }

    private static Long wholeNumber(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue())
                && Math.abs(node.doubleValue()) < 1e9) {
            return (long) node.doubleValue();
        }
        if (node.isTextual()) {
            String text = node.asText().strip();
            if (!text.isEmpty() && text.length() <= 9 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Long.parseLong(text);
            }
        }
        return null;
    }

    private static String abbreviated(JsonNode node) {
        return EpcHex.abbreviate(node.toString());
    }
}
