package io.linehub.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A scenario's runs, their medians, and whether the median meets the target. */
record ScenarioResult(Scenario scenario, List<Map<String, Object>> runs, Map<String, Object> median) {

    /** Medians over the runs that finished; a failed run (holding only "error") shows in the JSON, not the median. */
    static ScenarioResult of(Scenario scenario, List<Map<String, Object>> runs) {
        List<Map<String, Object>> finished = runs.stream().filter(r -> !r.containsKey("error")).toList();
        return new ScenarioResult(scenario, runs, Medians.of(finished.isEmpty() ? runs : finished));
    }

    boolean met() {
        return scenario.met(median);
    }

    Object headline() {
        return median.getOrDefault(scenario.headline, "-");
    }

    Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("scenario", scenario.id);
        j.put("what", scenario.what);
        j.put("target", scenario.target);
        j.put("headline", scenario.headline);
        j.put("median", median);
        j.put("met", scenario.limit == 0 ? null : met());
        j.put("runs", runs);
        return j;
    }
}
