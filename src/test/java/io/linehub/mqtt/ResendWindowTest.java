package io.linehub.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.linehub.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResendWindowTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final ResendWindow window = new ResendWindow(clock, Duration.ofSeconds(60));

    @Test
    void should_know_nothing_before_the_first_connection() {
        assertNull(window.current());
    }

    @Test
    void should_reach_back_the_start_window_on_the_first_connection_of_a_process() {
        window.connected();
        assertEquals(new ResendWindow.Span(clock.instant().minusSeconds(60), clock.instant()), window.current(),
                "the previous process's last records may be resent");
    }

    @Test
    void should_cover_the_end_of_the_previous_connection_up_to_the_reconnect() {
        window.connected();
        clock.advance(Duration.ofSeconds(10));
        window.received();
        clock.advance(Duration.ofSeconds(45));
        window.received();
        Instant lastReceipt = clock.instant();
        clock.advance(Duration.ofSeconds(30)); // the broker is away, then the client reconnects
        window.lost();
        window.connected();
        assertEquals(new ResendWindow.Span(lastReceipt.minusSeconds(5), clock.instant()), window.current(),
                "records from the previous connection's last moments to the reconnect");
    }

    @Test
    void should_open_the_new_span_with_a_resend_that_arrives_before_the_connect_is_reported() {
        window.connected();
        clock.advance(Duration.ofSeconds(100));
        window.received();
        Instant lastReceipt = clock.instant();
        window.lost(); // broker gone
        clock.advance(Duration.ofSeconds(61));
        window.received(); // the broker's resend, pushed right after CONNACK, before connectComplete ran
        ResendWindow.Span span = window.current();
        assertEquals(new ResendWindow.Span(lastReceipt.minusSeconds(5), clock.instant()), span,
                "the resend is matched against the lost connection's last moments, not the stale span");
        clock.advance(Duration.ofSeconds(1));
        window.connected(); // reported late: the span stays the one the first message opened
        assertEquals(span, window.current());
    }

    @Test
    void should_keep_the_span_while_the_connection_lasts() {
        window.connected();
        ResendWindow.Span first = window.current();
        clock.advance(Duration.ofSeconds(5));
        window.received();
        clock.advance(Duration.ofSeconds(5));
        window.received();
        assertEquals(first, window.current(), "messages on the same connection do not move the span");
    }

    @Test
    void should_keep_reaching_back_to_before_the_start_when_a_new_client_comes_before_any_message() {
        window.connected();
        ResendWindow.Span first = window.current();
        clock.advance(Duration.ofSeconds(40));
        window.lost(); // the watchdog restarts the route: a new client, nothing received yet
        window.connected();
        assertEquals(new ResendWindow.Span(first.from(), clock.instant()), window.current(),
                "the previous process's records may still be resent on the new client");
    }
}
