package io.linehub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's one entry point ({@code bench/run.sh}): runs the named scenarios, or {@code all}, each against a
 * hub process of its own, prints a line per run, the medians table and everything as JSON.
 * Usage: {@code Benchmarks SCENARIO... | all | list  [--runs N] [--scale F]}; runs default to 3 for {@code all},
 * 1 otherwise; {@code --scale 0.1} divides every count by ten for a smoke run.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<Scenario> chosen = new ArrayList<>();
        Integer runs = null;
        double scale = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "all" -> chosen.addAll(Arrays.asList(Scenario.values()));
                case "list" -> {
                    usage();
                    return;
                }
                default -> {
                    String id = args[i];
                    chosen.add(Scenario.byId(id).orElseThrow(() -> {
                        usage();
                        return new IllegalArgumentException("unknown scenario " + id);
                    }));
                }
            }
        }
        if (chosen.isEmpty()) {
            usage();
            System.exit(2);
        }
        int n = runs != null ? runs : Arrays.asList(args).contains("all") ? 3 : 1;
        Scenarios scenarios = new Scenarios(scale);
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : chosen) {
            List<Map<String, Object>> done = new ArrayList<>();
            for (int run = 1; run <= n; run++) {
                System.err.printf("== %s, run %d of %d%n", s.id, run, n);
                try {
                    Map<String, Object> figures = scenarios.run(s);
                    done.add(figures);
                    BenchReport.printRun(s, run, figures);
                } catch (Exception e) {
                    System.err.println(s.id + " run " + run + " failed: " + e);
                    done.add(Map.of("error", String.valueOf(e.getMessage())));
                }
            }
            results.add(ScenarioResult.of(s, done));
        }
        BenchReport.printSummary(results);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine());
        json.put("scale", scale);
        json.put("scenarios", results.stream().map(ScenarioResult::json).toList());
        System.out.println(BenchReport.json(json));
        // a run that failed (hub did not start, client lost its connection) is an error; a missed target is not
        boolean failed = results.stream().flatMap(r -> r.runs().stream()).anyMatch(r -> r.containsKey("error"));
        System.exit(failed ? 1 : 0);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.version"));
        try {
            m.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?"));
            m.put("memTotal", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
            m.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (Exception e) {
            m.put("cpu", "unknown");
        }
        return m;
    }

    private static void usage() {
        System.err.println("usage: bench/run.sh SCENARIO... | all | list  [--runs N] [--scale F]");
        for (Scenario s : Scenario.values()) {
            System.err.printf("  %-17s %s (%s)%n", s.id, s.what, s.target);
        }
    }
}
