package io.linehub.rules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Set;

/**
 * What a station does with a known, matching serial: which statuses it accepts and which status it
 * sets. A rule without {@code accepts} verifies: any status but decommissioned, status kept.
 *
 * @param aggregates the station packs units into cases: its reads and scans are grouped per device
 *                   (a portal's read window, or a scanner's case label followed by units) instead of
 *                   being decided one by one
 * @param epcis      the EPCIS business step and disposition of this station's events, when configured
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StationRule(String id, Set<String> accepts, String sets, boolean aggregates, Epcis epcis) {

    /** CBV 2.0 terms for this station's events ({@code bizStep: shipping}, {@code disposition: in_transit}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Epcis(String bizStep, String disposition) {
    }

    public StationRule {
        accepts = accepts == null ? Set.of() : Set.copyOf(accepts);
    }

    public StationRule(String id, Set<String> accepts, String sets) {
        this(id, accepts, sets, false, null);
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
