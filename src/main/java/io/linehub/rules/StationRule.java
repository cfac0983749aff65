package io.linehub.rules;

import java.util.Set;

/**
 * What a station does with a known, matching serial: which statuses it accepts and which status it
 * sets. A rule without {@code accepts} verifies: any status but decommissioned, status kept.
 */
public record StationRule(String id, Set<String> accepts, String sets) {

    public StationRule {
        accepts = accepts == null ? Set.of() : Set.copyOf(accepts);
    }

    public static StationRule verify(String id) {
        return new StationRule(id, Set.of(), null);
    }

    public boolean verifies() {
        return accepts.isEmpty();
    }

    public boolean allows(String status) {
        if (verifies()) {
            return !"decommissioned".equals(status);
        }
        return accepts.contains(status);
    }
}
