package io.linehub.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A refusal is reported once per key per interval, with the count of those swallowed in between. */
class LogThrottleTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final LogThrottle throttle = new LogThrottle(Duration.ofMinutes(1), clock);

    @Test
    void should_admit_the_first_then_swallow_until_the_minute_is_over() {
        assertEquals(OptionalLong.of(0), throttle.admit("10.0.0.9"), "the first is logged");
        for (int i = 0; i < 500; i++) {
            clock.advance(Duration.ofMillis(100));
            assertTrue(throttle.admit("10.0.0.9").isEmpty(), "swallowed within the minute, #" + i);
        }
        clock.advance(Duration.ofSeconds(10));
        assertEquals(OptionalLong.of(500), throttle.admit("10.0.0.9"), "logged again, with the count swallowed");
        assertTrue(throttle.admit("10.0.0.9").isEmpty(), "and a new minute begins");
    }

    @Test
    void should_keep_keys_apart() {
        assertTrue(throttle.admit("a").isPresent(), "a logged");
        assertTrue(throttle.admit("b").isPresent(), "b logged, a's window does not cover it");
        assertTrue(throttle.admit("a").isEmpty(), "a swallowed");
    }

    @Test
    void should_stay_bounded_under_a_sweep_from_many_addresses() {
        for (int i = 0; i < 50_000; i++) {
            throttle.admit("2001:db8::" + Integer.toHexString(i));
        }
        clock.advance(Duration.ofMinutes(2));
        assertTrue(throttle.admit("2001:db8::1").isPresent(), "old windows expire; the map does not grow forever");
    }
}
