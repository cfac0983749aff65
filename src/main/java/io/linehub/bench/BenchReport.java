package io.linehub.bench;

import java.util.Map;

/** Prints benchmark figures as an aligned table. */
final class BenchReport {

    private BenchReport() {
    }

    static void print(Map<String, Object> result) {
        System.out.println("| figure | value |");
        System.out.println("|---|---|");
        result.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
    }
}
