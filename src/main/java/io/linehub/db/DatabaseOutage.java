package io.linehub.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a database outage (unreachable, restarting, pool exhausted) from a poison input. An input
 * that failed because of an outage is retried until the database is back, holding its device's
 * stream (an MQTT scan stays unacknowledged, a TCP connection stops being read), instead of being
 * parked as a dead letter, which the same outage would also fail to store.
 */
public final class DatabaseOutage {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutage.class);
    private static final Duration WARN_EVERY = Duration.ofSeconds(30);

    private final Clock clock;
    private final AtomicReference<Instant> lastWarned = new AtomicReference<>(Instant.EPOCH);
    private volatile Instant lastSeen = Instant.EPOCH;

    public DatabaseOutage(Clock clock) {
        this.clock = clock;
    }

    /** For the routes' onException: true when the exchange failed because the database is out of reach. */
    public boolean isOutage(Exchange exchange) {
        Throwable failure = exchange.getException();
        if (failure == null) {
            failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        return noted(failure);
    }

    /** For code that retries by itself (the scan batcher): true, and remembered as seen, when it is an outage. */
    public boolean noted(Throwable failure) {
        boolean outage = isOutage(failure);
        if (outage) {
            Instant now = clock.instant();
            lastSeen = now;
            Instant last = lastWarned.get();
            if (Duration.between(last, now).compareTo(WARN_EVERY) >= 0 && lastWarned.compareAndSet(last, now)) {
                LOG.warn("database unreachable, inputs wait and are retried until it is back: {}", failure.getMessage());
            }
        }
        return outage;
    }

    /** True while an outage was seen within the last half minute. */
    public boolean ongoing() {
        return Duration.between(lastSeen, clock.instant()).compareTo(WARN_EVERY) < 0;
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-03: PostgreSQL shutting down / cannot connect now;
                // 90121 / 90098: H2 database closed under us
                if (state.startsWith("08") || state.startsWith("57P") || "90121".equals(state)
                        || "90098".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
