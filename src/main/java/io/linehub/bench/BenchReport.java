package io.linehub.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;

/** Prints benchmark figures as Markdown tables and as JSON. */
final class BenchReport {

    private static final ObjectMapper JSON_LINE = new ObjectMapper();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchReport() {
    }

    static void print(Map<String, Object> result) {
        System.out.println("| figure | value |");
        System.out.println("|---|---|");
        result.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
    }

    /** One line per run: the scenario, its headline figure and every other figure. */
    static void printRun(Scenario s, int run, Map<String, Object> figures) {
        System.out.println("| " + s.id + " #" + run + " | " + s.headline + " = " + figures.get(s.headline) + " | "
                + figures + " |");
    }

    /** The table of the issue: one row per scenario with its median headline figure against the target. */
    static void printSummary(List<ScenarioResult> results) {
        System.out.println();
        System.out.println("| scenario | what | target | median | runs | met |");
        System.out.println("|---|---|---|---|---|---|");
        for (ScenarioResult r : results) {
            System.out.println("| " + r.scenario().id + " | " + r.scenario().what + " | " + r.scenario().target + " | "
                    + r.scenario().headline + " = " + r.headline() + " | " + r.runs().size() + " | "
                    + (r.scenario().limit == 0 ? "-" : r.met() ? "yes" : "NO") + " |");
        }
    }

    static String json(Object value) {
        return write(JSON, value);
    }

    /** The same on one line. */
    static String jsonLine(Object value) {
        return write(JSON_LINE, value);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
