package io.linehub.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.linehub.db.DatabaseOutage;
import io.linehub.gs1.Gs1Parser;
import io.linehub.ops.HubCounters;
import io.linehub.ops.ScanActivity;
import io.linehub.packing.CaseWindows;
import io.linehub.masterdata.SchemaMigrator;
import io.linehub.relay.Destinations;
import io.linehub.relay.EventRecorder;
import io.linehub.rules.ScanDecider;
import io.linehub.rules.StationRule;
import io.linehub.rules.StationRules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit on a real H2 database: decisions inside one batch see the scans before them, a poison
 * scan fails alone, completions (and so MQTT acks) come in arrival order, and an outage is waited out.
 */
class ScanBatcherTest {

    private static final String GTIN = "09501101530003";

    private final Clock clock = Clock.systemUTC();
    private final CamelContext camel = new DefaultCamelContext();
    private HikariDataSource database;
    private ControlledDataSource dataSource;
    private ScanPipeline pipeline;
    private EventRecorder recorder;
    private ScanBatcher batcher;

    @BeforeEach
    void setUp() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:batch_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        database = new HikariDataSource(config);
        SchemaMigrator.migrate(database);
        try (Connection c = database.getConnection()) {
            c.createStatement().executeUpdate("INSERT INTO product (gtin, name) VALUES ('" + GTIN + "', 'Pills')");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO serial (gtin, serial, lot, status) VALUES (?, ?, 'L1', 'printed')")) {
                for (int i = 1; i <= 50; i++) {
                    ps.setString(1, GTIN);
                    ps.setString(2, "S" + i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        dataSource = new ControlledDataSource(database);
        StationRules stations = new StationRules(List.of(StationRule.verify("verify"),
                new StationRule("commissioning", Set.of("provisioned", "printed"), "commissioned")), "verify");
        DeviceRegistry devices = DeviceRegistry.load(Path.of("config/devices.yaml"));
        pipeline = new ScanPipeline(new Gs1Parser(clock), new ScanDecider(Duration.ofSeconds(60), false), stations,
                new HubCounters(), new ScanActivity(devices, a -> false, Duration.ofMinutes(5), clock),
                new ScanOutcomeListeners(), new CaseWindows(Duration.ofSeconds(2), Duration.ofSeconds(30)));
        Map<String, String> props = Map.of("linehub.destinations", "erp", "linehub.destination.erp.url", "http://erp");
        recorder = new EventRecorder(dataSource, Destinations.fromProperties(props::get), new ObjectMapper(), clock);
        batcher = ScanBatcher.create(dataSource, pipeline, recorder, new DatabaseOutage(clock), clock, 100, 500);
        batcher.start();
    }

    @AfterEach
    void tearDown() {
        batcher.stop();
        database.close();
    }

    @Test
    void should_accept_only_the_first_of_two_scans_of_one_serial_in_one_batch() throws Exception {
        GroupCommit commit = new GroupCommit(dataSource, pipeline, recorder, clock);
        List<GroupCommit.Recorded> recorded = commit.record(List.of(interpreted(scan("S1", "commissioning")),
                interpreted(scan("S1", "commissioning"))));
        assertEquals("scan.accepted", recorded.get(0).events().get(0).type(), "the first scan commissions S1");
        assertEquals("DUPLICATE", recorded.get(1).events().get(0).reason(),
                "the second scan sees the first one's acceptance although both are in one transaction");
        assertEquals("commissioned", status("S1"), "the serial moved once");
        assertEquals(1, count("SELECT COUNT(*) FROM serial_history WHERE serial = 'S1'"), "one status change");
        assertEquals(3, count("SELECT COUNT(*) FROM outbox"), "accepted + serial.commissioned + rejected");
    }

    @Test
    void should_let_a_serial_move_on_twice_within_one_batch() throws Exception {
        GroupCommit commit = new GroupCommit(dataSource, pipeline, recorder, clock);
        List<GroupCommit.Recorded> recorded = commit.record(List.of(interpreted(scan("S2", "commissioning")),
                interpreted(scan("S2", "verify"))));
        assertTrue(recorded.get(1).outcome().decision().accepted(),
                "verify after commissioning in the same batch is accepted on the commissioned serial");
        assertEquals("commissioned", recorded.get(1).events().get(0).status(), "verify keeps the new status");
        assertEquals("verify", station("S2"), "the second acceptance's conditional update applied on the first");
    }

    @Test
    void should_complete_in_arrival_order_and_record_each_scan_once() throws Exception {
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            exchanges.add(exchange(scan("S" + i, "commissioning")));
        }
        List<Integer> completed = submit(exchanges);
        assertEquals(range(40), completed, "completions (and so acks) in arrival order");
        for (Exchange e : exchanges) {
            assertNull(e.getException(), "no failure");
        }
        assertEquals(40, count("SELECT COUNT(*) FROM serial WHERE status = 'commissioned'"), "all recorded");
    }

    @Test
    void should_fail_only_the_poison_scan_of_a_batch() throws Exception {
        CountDownLatch release = dataSource.holdNextConnection();
        List<Exchange> exchanges = new ArrayList<>();
        exchanges.add(exchange(scan("S1", "commissioning")));  // takes the committer into the held connection
        for (int i = 2; i <= 10; i++) {
            // a line name longer than the outbox column: the database refuses this one scan's event
            exchanges.add(exchange(i == 6 ? scanOnLine("S" + i, "x".repeat(100)) : scan("S" + i, "commissioning")));
        }
        List<Integer> completed = submit(exchanges, release);
        assertEquals(range(10), completed, "every exchange completes, in arrival order");
        for (int i = 0; i < exchanges.size(); i++) {
            if (i == 5) {
                assertNotNull(exchanges.get(i).getException(), "the poison scan fails, to the route's dead letters");
            } else {
                assertNull(exchanges.get(i).getException(), "scan " + i + " is not failed by its batch-mate");
            }
        }
        assertEquals(9, count("SELECT COUNT(*) FROM serial WHERE status = 'commissioned'"), "the rest committed");
        assertEquals("printed", status("S6"), "the poison scan changed nothing");
    }

    @Test
    void should_wait_out_a_database_outage_and_lose_nothing() throws Exception {
        dataSource.failNextConnections(3);
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            exchanges.add(exchange(scan("S" + i, "commissioning")));
        }
        List<Integer> completed = submit(exchanges);
        assertEquals(range(20), completed, "all complete, in order, once the database is back");
        for (Exchange e : exchanges) {
            assertNull(e.getException(), "an outage is retried, never failed to the dead letters");
        }
        assertEquals(20, count("SELECT COUNT(*) FROM serial WHERE status = 'commissioned'"), "nothing lost");
        assertTrue(dataSource.refused.get() >= 3, "the outage happened");
    }

    private List<Integer> submit(List<Exchange> exchanges) throws InterruptedException {
        return submit(exchanges, null);
    }

    private List<Integer> submit(List<Exchange> exchanges, CountDownLatch release) throws InterruptedException {
        List<Integer> completed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(exchanges.size());
        for (int i = 0; i < exchanges.size(); i++) {
            int index = i;
            batcher.process(exchanges.get(i), doneSync -> {
                completed.add(index);
                all.countDown();
            });
        }
        if (release != null) {
            release.countDown();
        }
        assertTrue(all.await(30, TimeUnit.SECONDS), "all exchanges completed");
        return completed;
    }

    private static List<Integer> range(int n) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            r.add(i);
        }
        return r;
    }

    private Scan scan(String serial, String station) {
        return scanOn(serial, station, "L1");
    }

    private Scan scanOnLine(String serial, String line) {
        return scanOn(serial, "commissioning", line);
    }

    private Scan scanOn(String serial, String station, String line) {
        return new Scan("d1", line, station, true, "mqtt", "test", "01" + GTIN + "21" + serial, null,
                Instant.now(), null, null, null);
    }

    private Exchange exchange(Scan scan) {
        Exchange e = new DefaultExchange(camel);
        e.getMessage().setBody(scan);
        pipeline.interpret(e);
        return e;
    }

    private InterpretedScan interpreted(Scan scan) {
        return exchange(scan).getMessage().getBody(InterpretedScan.class);
    }

    private String status(String serial) throws SQLException {
        return text("SELECT status FROM serial WHERE serial = '" + serial + "'");
    }

    private String station(String serial) throws SQLException {
        return text("SELECT last_accepted_station FROM serial WHERE serial = '" + serial + "'");
    }

    private String text(String sql) throws SQLException {
        try (Connection c = database.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The database, with connections that can be held back (to fill a batch) or refused (an outage). */
    static final class ControlledDataSource implements DataSource {
        private final DataSource target;
        private final AtomicInteger toRefuse = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        private volatile CountDownLatch hold;

        ControlledDataSource(DataSource target) {
            this.target = target;
        }

        CountDownLatch holdNextConnection() {
            hold = new CountDownLatch(1);
            return hold;
        }

        void failNextConnections(int n) {
            toRefuse.set(n);
        }

        @Override
        public Connection getConnection() throws SQLException {
            CountDownLatch h = hold;
            if (h != null) {
                hold = null;
                try {
                    h.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (toRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refused.incrementAndGet();
                throw new SQLTransientConnectionException("database down (test)");
            }
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return target.isWrapperFor(iface);
        }
    }
}
