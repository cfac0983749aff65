package io.linehub.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScanDeciderTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final LocalDate EXPIRY = LocalDate.of(2028, 5, 31);
    static final StationRule PACKING = new StationRule("packing", Set.of("commissioned"), "packed");
    static final StationRule VERIFY = StationRule.verify("verify");

    private final ScanDecider decider = new ScanDecider(Duration.ofSeconds(60), false);

    static SerialSnapshot serial(String status, Instant lastAccepted, String station) {
        return new SerialSnapshot("09501101530003", "1", "L1", EXPIRY, status, lastAccepted, station, "Pills");
    }

    private Decision decide(SerialSnapshot serial, StationRule rule) {
        return decider.decide(true, null, "L1", EXPIRY, serial, rule, NOW);
    }

    @Test
    void should_reject_a_repeat_at_the_same_station_within_the_window_as_duplicate() {
        Decision d = decide(serial("commissioned", NOW.minusSeconds(5), "verify"), VERIFY);
        assertEquals(Rejection.DUPLICATE, d.rejection());
    }

    @Test
    void should_let_a_unit_move_on_to_the_next_station_seconds_after_its_last_acceptance() {
        Decision d = decide(serial("commissioned", NOW.minusSeconds(5), "commissioning"), PACKING);
        assertTrue(d.accepted(), "packing right after commissioning is the line's normal flow");
        assertEquals("packed", d.newStatus());
    }

    @Test
    void should_treat_an_acceptance_without_a_recorded_station_as_the_same_station() {
        assertEquals(Rejection.DUPLICATE, decide(serial("commissioned", NOW.minusSeconds(5), null), PACKING)
                .rejection());
    }

    @Test
    void should_accept_again_after_the_window_and_check_status_and_data() {
        assertTrue(decide(serial("commissioned", NOW.minusSeconds(61), "verify"), VERIFY).accepted());
        assertEquals(Rejection.STATUS_CONFLICT, decide(serial("packed", null, null), PACKING).rejection());
        assertEquals(Rejection.UNKNOWN_SERIAL, decide(null, VERIFY).rejection());
        assertEquals(Rejection.DATA_MISMATCH, decider.decide(true, null, "L2", EXPIRY,
                serial("commissioned", null, null), VERIFY, NOW).rejection());
        assertEquals(Rejection.INVALID_BARCODE, decider.decide(true, "bad", null, null, null, VERIFY, NOW)
                .rejection());
    }
}
