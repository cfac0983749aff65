package io.linehub.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Medians over repeated runs: per figure, of the numbers; a flag only if every run has it; text from the first. */
final class Medians {

    private Medians() {
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    static Map<String, Object> of(List<Map<String, Object>> runs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (runs.isEmpty()) {
            return out;
        }
        for (String key : runs.get(0).keySet()) {
            List<Double> numbers = new ArrayList<>();
            for (Map<String, Object> run : runs) {
                if (run.get(key) instanceof Number n) {
                    numbers.add(n.doubleValue());
                }
            }
            if (numbers.size() == runs.size()) {
                out.put(key, LoadRun.round(median(numbers)));
            } else if (runs.get(0).get(key) instanceof Boolean) {
                out.put(key, runs.stream().allMatch(r -> Boolean.TRUE.equals(r.get(key))));
            } else {
                out.put(key, runs.get(0).get(key));
            }
        }
        return out;
    }
}
