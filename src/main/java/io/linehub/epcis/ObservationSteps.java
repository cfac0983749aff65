package io.linehub.epcis;

import java.util.Map;
import java.util.Optional;

/**
 * The business step an accepted scan or tag read reports: the station's configured step, else one
 * implied by the status the scan left the object in.
 */
final class ObservationSteps {

    private static final EpcisStep SHIPPING = new EpcisStep("shipping", "in_transit");
    private static final EpcisStep DECOMMISSIONING = new EpcisStep("decommissioning", "inactive");
    private static final EpcisStep PACKING = new EpcisStep("packing", "in_progress");
    private static final EpcisStep INSPECTING = new EpcisStep("inspecting", "conformant");

    private final Map<String, EpcisStep> stations;

    ObservationSteps(Map<String, EpcisStep> stations) {
        this.stations = stations;
    }

    /** Empty when neither station nor status says anything. */
    Optional<EpcisStep> of(String station, String status) {
        EpcisStep configured = station == null ? null : stations.get(station);
        if (configured != null) {
            return Optional.of(configured);
        }
        if (status == null) {
            return Optional.empty();
        }
        return Optional.of(switch (status) {
            case "shipped" -> SHIPPING;
            case "decommissioned" -> DECOMMISSIONING;
            case "packed" -> PACKING;
            default -> INSPECTING;
        });
    }
}
