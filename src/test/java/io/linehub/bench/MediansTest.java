package io.linehub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediansTest {

    @Test
    void median_of_an_odd_count_is_the_middle_value_and_of_an_even_count_the_mean_of_the_two_middle_ones() {
        assertEquals(5.0, Medians.median(List.of(9.0, 1.0, 5.0)));
        assertEquals(4.0, Medians.median(List.of(6.0, 1.0, 2.0, 9.0)));
    }

    @Test
    void medians_are_taken_per_figure_and_text_comes_from_the_first_run() {
        Map<String, Object> m = Medians.of(List.of(
                Map.of("throughput", 1000.0, "p99Ms", 40.0, "targetRate", "flat out"),
                Map.of("throughput", 1200.0, "p99Ms", 10.0, "targetRate", "flat out"),
                Map.of("throughput", 900.0, "p99Ms", 90.0, "targetRate", "flat out")));
        assertEquals(1000.0, m.get("throughput"));
        assertEquals(40.0, m.get("p99Ms"));
        assertEquals("flat out", m.get("targetRate"));
        assertEquals(false, Medians.of(List.of(Map.of("complete", true), Map.of("complete", false))).get("complete"));
    }

    @Test
    void a_target_is_met_only_within_its_limit_and_without_loss() {
        assertTrue(Scenario.LATENCY_1K.met(Map.of("p99Ms", 9.5, "lost", 0L)));
        assertFalse(Scenario.LATENCY_1K.met(Map.of("p99Ms", 9.5, "lost", 3L)));
        assertFalse(Scenario.MQTT_H2.met(Map.of("throughput", 1100.0, "lost", 0L)));
        assertFalse(Scenario.MQTT_H2.met(Map.of("error", "hub did not start")));
    }
}
