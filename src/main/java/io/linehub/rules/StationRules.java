package io.linehub.rules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The station rules of {@code config/stations.yaml}, with the default for unconfigured devices. */
public final class StationRules {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StationsFile(List<StationRule> stations, @JsonProperty("default-station") String defaultStation) {
    }

    private final Map<String, StationRule> rules = new HashMap<>();
    private final String defaultStation;

    public StationRules(List<StationRule> stations, String defaultStation) {
        for (StationRule r : stations) {
            rules.put(r.id(), r);
        }
        this.defaultStation = defaultStation == null ? "verify" : defaultStation;
    }

    public static StationRules load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new StationRules(List.of(), null);
        }
        StationsFile f = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), StationsFile.class);
        return new StationRules(f.stations() == null ? List.of() : f.stations(), f.defaultStation());
    }

    public java.util.Collection<StationRule> all() {
        return java.util.Collections.unmodifiableCollection(rules.values());
    }

    public String defaultStation() {
        return defaultStation;
    }

    /** A station that has no rule verifies, as the contract says. */
    public StationRule forStation(String station) {
        String id = station == null ? defaultStation : station;
        return rules.getOrDefault(id, StationRule.verify(id));
    }
}
