package io.linehub.relay;

import io.linehub.db.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes events from the outbox once every destination has them and they are older than the retention.
 * Without it the outbox grew by every event for good: at a few thousand scans a second that is gigabytes a
 * day, and the look-ups of redelivered scans (by event id, by delivery key) slow down with it. The retention
 * is how far back a redelivered scan is still recognised as one recorded before.
 *
 * <p>Work per call is bounded: ids grow with recording time, so it deletes from the oldest id while that row
 * is older than the retention and below the oldest event still pending for some destination, in chunks of
 * {@value #CHUNK} rows per transaction (the database never holds a long lock for it).
 */
public final class OutboxPruner {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPruner.class);
    private static final int CHUNK = 1_000;

    private final DataSource dataSource;
    private final Duration retention;
    private final Clock clock;

    /** @param retention zero keeps every event */
    public OutboxPruner(DataSource dataSource, Duration retention, Clock clock) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.clock = clock;
    }

    /** @return the events deleted */
    public long prune() throws SQLException {
        if (retention.isZero() || retention.isNegative()) {
            return 0;
        }
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(retention);
        long deleted = 0;
        for (int n = 1; n > 0; ) {
            n = Transaction.run(dataSource, c -> chunk(c, cutoff));
            deleted += n;
        }
        if (deleted > 0) {
            LOG.info("outbox: {} delivered events older than {} removed", deleted, retention);
        }
        return deleted;
    }

    /** @return rows deleted (at least the oldest); 0 once the oldest row is too young or still pending somewhere */
    private static int chunk(Connection c, OffsetDateTime cutoff) throws SQLException {
        long pendingFrom = oldestPending(c);
        try (PreparedStatement oldest = c.prepareStatement(
                "SELECT id, created_at FROM outbox ORDER BY id FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = oldest.executeQuery()) {
            if (!rs.next() || rs.getLong(1) >= pendingFrom
                    || !rs.getObject(2, OffsetDateTime.class).isBefore(cutoff)) {
                return 0;
            }
        }
        // the next CHUNK ids, of which those old enough: a row recorded a moment late keeps its place
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox"
                + " WHERE id < ? ORDER BY id FETCH FIRST " + CHUNK + " ROWS ONLY) AND created_at < ?")) {
            ps.setLong(1, pendingFrom);
            ps.setObject(2, cutoff);
            return ps.executeUpdate();
        }
    }

    private static long oldestPending(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(outbox_id) FROM outbox_delivery");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long min = rs.getLong(1);
            return rs.wasNull() ? Long.MAX_VALUE : min;
        }
    }
}
