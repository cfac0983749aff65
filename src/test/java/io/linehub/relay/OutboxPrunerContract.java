package io.linehub.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linehub.masterdata.SchemaMigrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivered events leave the outbox after the retention; pending and recent ones stay. */
abstract class OutboxPrunerContract {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    DataSource dataSource;

    protected abstract DataSource openDatabase() throws Exception;

    protected abstract void closeDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        dataSource = openDatabase();
        SchemaMigrator.migrate(dataSource);
    }

    @AfterEach
    void close() throws Exception {
        closeDatabase();
    }

    /** @return the outbox ids of {@code count} events recorded {@code age} before now, in order */
    private List<Long> record(int count, Duration age) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (event_id, event_type, line, payload, created_at) VALUES (?,?,?,?,?)",
                new String[] {"id"})) {
            for (int i = 0; i < count; i++) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, "scan.accepted");
                ps.setString(3, "line1");
                ps.setString(4, "{}");
                ps.setObject(5, OffsetDateTime.ofInstant(NOW.minus(age), ZoneOffset.UTC));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    ids.add(keys.getLong(1));
                }
            }
        }
        return ids;
    }

    private void pending(long outboxId, String destination) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox_delivery (destination, outbox_id) VALUES (?,?)")) {
            ps.setString(1, destination);
            ps.setLong(2, outboxId);
            ps.executeUpdate();
        }
    }

    private void delivered(long outboxId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM outbox_delivery WHERE outbox_id = ?")) {
            ps.setLong(1, outboxId);
            ps.executeUpdate();
        }
    }

    private List<Long> remaining() throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM outbox ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    @Test
    void should_remove_only_delivered_events_older_than_the_retention_and_stop_at_the_first_pending_one()
            throws Exception {
        List<Long> old = record(3, Duration.ofDays(8));
        List<Long> young = record(2, Duration.ofDays(6));
        pending(old.get(1), "erp");
        pending(young.get(0), "wms");
        OutboxPruner pruner = new OutboxPruner(dataSource, Duration.ofDays(7), CLOCK);

        assertEquals(1, pruner.prune(), "only the old event before the pending one");
        assertEquals(List.of(old.get(1), old.get(2), young.get(0), young.get(1)), remaining());

        delivered(old.get(1));
        assertEquals(2, pruner.prune(), "the erp delivery done: both old events go");
        assertEquals(young, remaining(), "recent events stay, delivered or not");
        assertEquals(0, pruner.prune(), "nothing more to do");
    }

    @Test
    void should_remove_a_large_backlog_in_chunks() throws Exception {
        record(2_500, Duration.ofDays(30));
        List<Long> young = record(3, Duration.ofHours(1));
        assertEquals(2_500, new OutboxPruner(dataSource, Duration.ofDays(7), CLOCK).prune());
        assertEquals(young, remaining());
    }

    @Test
    void should_keep_everything_with_a_retention_of_zero() throws Exception {
        List<Long> old = record(3, Duration.ofDays(400));
        assertEquals(0, new OutboxPruner(dataSource, Duration.ZERO, CLOCK).prune());
        assertEquals(old, remaining());
    }
}
