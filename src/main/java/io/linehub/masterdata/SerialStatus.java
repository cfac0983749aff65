package io.linehub.masterdata;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** A serial's lifecycle state: provisioned → printed → commissioned → packed → shipped, or decommissioned. */
public enum SerialStatus {
    PROVISIONED, PRINTED, COMMISSIONED, PACKED, SHIPPED, DECOMMISSIONED;

    /** Case-insensitive and trimmed, because ERP exports are not consistent about either. */
    public static Optional<SerialStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (SerialStatus status : values()) {
            if (status.wire().equals(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Reads a value the database constraint already vouches for; anything else is a broken database. */
    static SerialStatus fromColumn(String column) {
        if (column == null) {
            return null;
        }
        return parse(column).orElseThrow(() -> new IllegalStateException("unknown serial status in database: " + column));
    }

    /** The lower-case name used in files, JSON and the database. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
