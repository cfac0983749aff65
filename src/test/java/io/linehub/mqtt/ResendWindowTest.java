package io.linehub.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ResendWindowTest {

    private Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final ResendWindow window = new ResendWindow(clock, Duration.ofSeconds(60));

    @Test
    void should_know_nothing_before_the_first_connection() {
        assertNull(window.current());
    }

    @Test
    void should_reach_back_the_start_window_on_the_first_connection_of_a_process() {
        window.connected();
        assertEquals(new ResendWindow.Span(now.minusSeconds(60), now), window.current(),
                "the previous process's last records may be resent");
    }

    @Test
    void should_cover_the_end_of_the_previous_connection_up_to_the_reconnect() {
        window.connected();
        now = now.plusSeconds(10);
        window.received();
        now = now.plusSeconds(45);
        window.received();
        Instant lastReceipt = now;
        now = now.plusSeconds(30); // the broker is away, then the client reconnects
        window.connected();
        assertEquals(new ResendWindow.Span(lastReceipt.minusSeconds(5), now), window.current(),
                "records from the previous connection's last moments to the reconnect");
    }
}
