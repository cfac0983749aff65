package io.linehub.config;

import io.linehub.epcis.EpcisProfile;
import io.linehub.epcis.EpcisStep;
import io.linehub.rules.StationRule;
import io.linehub.rules.StationRules;
import io.linehub.scan.Device;
import io.linehub.scan.DeviceRegistry;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The EPCIS profile from configuration: the site (linehub.epcis.*), each device's read point
 * (devices.yaml {@code read-point}) and each station's business step (stations.yaml {@code epcis}).
 */
final class EpcisSettings {

    private EpcisSettings() {
    }

    static EpcisProfile profile(HubProperties props, DeviceRegistry devices, StationRules stations) {
        Map<String, String> readPoints = new HashMap<>();
        for (Device d : devices.all()) {
            if (d.readPoint() != null && !d.readPoint().isBlank()) {
                readPoints.put(d.id(), d.readPoint().trim());
            }
        }
        Map<String, EpcisStep> steps = new HashMap<>();
        for (StationRule rule : stations.all()) {
            if (rule.epcis() != null) {
                steps.put(rule.id(), new EpcisStep(rule.epcis().bizStep(), rule.epcis().disposition()));
            }
        }
        List<String> prefixes = Arrays.stream(props.get("linehub.epcis.company-prefixes", "").split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).toList();
        String zone = props.get("linehub.epcis.time-zone", "");
        return new EpcisProfile(props.get("linehub.epcis.biz-location", "urn:epc:id:sgln:0000000.00000.0"),
                readPoints, steps, prefixes, zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone.trim()));
    }
}
