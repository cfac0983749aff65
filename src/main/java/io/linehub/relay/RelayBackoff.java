package io.linehub.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Exponential backoff for one destination: doubles from the first delay up to a cap, never gives up. */
final class RelayBackoff {

    private final Duration initial;
    private final Duration max;
    private final Clock clock;
    private Duration current;
    private Instant nextAttempt = Instant.MIN;
    private Instant failingSince;

    RelayBackoff(Duration initial, Duration max, Clock clock) {
        this.initial = initial;
        this.max = max;
        this.clock = clock;
        this.current = initial;
    }

    synchronized boolean due() {
        return !clock.instant().isBefore(nextAttempt);
    }

    /** @return true when this failure starts an outage (the first failure after a success) */
    synchronized boolean failed() {
        boolean first = failingSince == null;
        if (first) {
            failingSince = clock.instant();
        }
        nextAttempt = clock.instant().plus(current);
        current = current.multipliedBy(2).compareTo(max) > 0 ? max : current.multipliedBy(2);
        return first;
    }

    /** @return when the outage that just ended began, or null when there was none */
    synchronized Instant succeeded() {
        Instant since = failingSince;
        failingSince = null;
        current = initial;
        nextAttempt = Instant.MIN;
        return since;
    }

    /** An operator's "retry now": the next tick tries at once; the outage, if any, is still on record. */
    synchronized void retryNow() {
        current = initial;
        nextAttempt = Instant.MIN;
    }

    synchronized Instant failingSince() {
        return failingSince;
    }
}
