package io.linehub.masterdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Serial allocation for print jobs: atomic under contention, never handing out a serial twice. */
abstract class SerialPoolContract {

    static final String GTIN = "09501101530003";

    DataSource dataSource;
    SerialPool pool;

    protected abstract DataSource openDatabase() throws Exception;

    protected abstract void closeDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        dataSource = openDatabase();
        SchemaMigrator.migrate(dataSource);
        pool = new SerialPool(dataSource);
    }

    @AfterEach
    void close() throws Exception {
        closeDatabase();
    }

    void provision(String gtin, int count, String status) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO product (gtin, name) SELECT ?, 'pool test'"
                    + " WHERE NOT EXISTS (SELECT 1 FROM product WHERE gtin = ?)")) {
                p.setString(1, gtin);
                p.setString(2, gtin);
                p.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO serial (gtin, serial, lot, status) VALUES (?, ?, 'L1', ?)")) {
                for (int i = 0; i < count; i++) {
                    s.setString(1, gtin);
                    s.setString(2, status.substring(0, 1).toUpperCase() + String.format("%07d", i));
                    s.setString(3, status);
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.commit();
        }
    }

    @Test
    void should_give_8_threads_10000_distinct_serials() throws Exception {
        int serials = 10_000;
        provision(GTIN, serials, "provisioned");
        ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < 8; t++) {
            done.add(threads.submit(() -> {
                for (int i = 0; i < serials / 8; i++) {
                    got.add(pool.allocate(GTIN, UUID.randomUUID().toString()).orElseThrow());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        System.out.printf("allocated %d serials with 8 threads in %d ms%n", got.size(),
                (System.nanoTime() - start) / 1_000_000);
        assertEquals(serials, got.size(), "every request got a serial");
        assertEquals(serials, new HashSet<>(got).size(), "no serial handed out twice");
        assertEquals(Optional.empty(), pool.allocate(GTIN, "one-too-many"), "an exhausted pool says so");
        assertEquals(serials, reservedCount(), "each reservation recorded in the database");
    }

    @Test
    void should_only_hand_out_provisioned_unreserved_serials_of_the_gtin() throws Exception {
        provision(GTIN, 3, "commissioned");
        provision("09520123456788", 2, "provisioned");
        assertEquals(Optional.empty(), pool.allocate(GTIN, "job-1"), "commissioned serials are not in the pool");
        Set<String> got = new HashSet<>();
        got.add(pool.allocate("09520123456788", "job-2").orElseThrow());
        got.add(pool.allocate("09520123456788", "job-3").orElseThrow());
        assertEquals(2, got.size(), "two jobs, two serials");
        assertTrue(pool.allocate("09520123456788", "job-4").isEmpty(), "reserved serials are not reused");
    }

    @Test
    void should_give_8_threads_in_open_transactions_distinct_serials() throws Exception {
        int serials = 2_000;
        provision(GTIN, serials, "provisioned");
        ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(threads.submit(() -> {
                for (int i = 0; i < serials / 8; i++) {
                    // each reservation held open a moment, as a print job's is while its row is written
                    try (Connection c = dataSource.getConnection()) {
                        c.setAutoCommit(false);
                        got.add(pool.allocate(c, GTIN, UUID.randomUUID().toString()).orElseThrow());
                        c.commit();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        assertEquals(serials, new HashSet<>(got).size(), "no serial handed out twice");
        assertEquals(serials, reservedCount(), "each reservation committed");
    }

    @Test
    void should_skip_a_candidate_taken_or_commissioned_since_it_was_read() throws Exception {
        provision(GTIN, 4, "provisioned");
        Set<String> got = new HashSet<>();
        got.add(pool.allocate(GTIN, "job-1").orElseThrow()); // reads all four, hands out one
        SerialPool otherHub = new SerialPool(dataSource);
        got.add(otherHub.allocate(GTIN, "job-2").orElseThrow());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE serial SET status = 'commissioned' WHERE gtin = ? AND print_job_id IS NULL"
                        + " AND serial = (SELECT MIN(serial) FROM serial WHERE gtin = ? AND print_job_id IS NULL)")) {
            ps.setString(1, GTIN);
            ps.setString(2, GTIN);
            assertEquals(1, ps.executeUpdate(), "one free serial commissioned by a scan meanwhile");
        }
        got.add(pool.allocate(GTIN, "job-3").orElseThrow());
        assertEquals(3, got.size(), "three jobs, three serials: " + got);
        assertEquals(Optional.empty(), pool.allocate(GTIN, "job-4"), "the stale candidates were skipped, none left");
        assertEquals(3, reservedCount(), "three reservations");
    }

    @Test
    void should_free_a_reservation_rolled_back_with_its_transaction() throws Exception {
        provision(GTIN, 1, "provisioned");
        String first;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            first = pool.allocate(c, GTIN, "refused-job").orElseThrow();
            c.rollback();
        }
        assertEquals(0, reservedCount(), "nothing reserved after the rollback");
        assertEquals(Optional.of(first), pool.allocate(GTIN, "next-job"), "the serial is handed out again");
    }

    private long reservedCount() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM serial WHERE print_job_id IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
