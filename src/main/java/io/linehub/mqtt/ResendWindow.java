package io.linehub.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a message the broker resends after a reconnect can have been recorded by the hub before. The
 * broker resends only what it had sent on the previous connection without getting the ack; the hub acks
 * right after each commit, so such a message was recorded in the last moments of that connection: between
 * its last receipt (less a margin for the commits still running) and this connection's start. Neither the
 * DUP flag nor the packet id identify a resend reliably here (Paho does not report DUP; Artemis resends
 * under a new packet id), so this window, with session, topic and payload, is what names it.
 *
 * <p>Kept per endpoint, so it outlives a route restart; after a process start nothing is known of the
 * previous connection, and the window reaches back {@code afterStart} instead.
 */
public final class ResendWindow {

    /** Records made in [from, to] may be what the broker resends now. */
    public record Span(Instant from, Instant to) {
    }

    private static final Duration COMMIT_MARGIN = Duration.ofSeconds(5);

    private final Clock clock;
    private final Duration afterStart;
    private volatile Instant lastReceipt;
    private volatile Span current;

    public ResendWindow(Clock clock, Duration afterStart) {
        this.clock = clock;
        this.afterStart = afterStart;
    }

    void connected() {
        Instant now = clock.instant();
        Instant previous = lastReceipt;
        current = new Span(previous != null ? previous.minus(COMMIT_MARGIN) : now.minus(afterStart), now);
    }

    void received() {
        lastReceipt = clock.instant();
    }

    /** The span for messages arriving on the current connection; null before the first connection. */
    public Span current() {
        return current;
    }
}
