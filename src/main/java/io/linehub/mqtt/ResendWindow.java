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
    /**
     * Set while the connection the window describes is gone (a new client, a lost connection) and the next
     * one's span is not known yet. The broker may deliver its resends before Paho reports the connect (or
     * without a report, for a reconnect Paho itself gave up on), so whichever comes first, the first
     * message or the connect, opens the new span.
     */
    private volatile boolean stale = true;

    public ResendWindow(Clock clock, Duration afterStart) {
        this.clock = clock;
        this.afterStart = afterStart;
    }

    /** A new client was made or the connection was lost: what comes next may be resends. */
    void lost() {
        stale = true;
    }

    void connected() {
        if (stale) {
            open();
        }
    }

    /** A message was handed to the hub (not one a stopping consumer refused). */
    void received() {
        if (stale) {
            open();
        }
        lastReceipt = clock.instant();
    }

    private synchronized void open() {
        if (!stale) {
            return;
        }
        Instant now = clock.instant();
        // lastReceipt is still the lost connection's: a receipt on the new one opens the span before it counts
        Instant from = lastReceipt != null ? lastReceipt.minus(COMMIT_MARGIN)
                : current != null ? current.from() : now.minus(afterStart);
        current = new Span(from, now);
        stale = false;
    }

    /** The span for messages arriving on the current connection; null before the first connection. */
    public Span current() {
        return current;
    }
}
