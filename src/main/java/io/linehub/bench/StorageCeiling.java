package io.linehub.bench;

import io.linehub.sim.DemoCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the database alone can record per second in the hub's schema, from one thread as the committer writes:
 * per accepted scan the serial's UPDATE, its history row, the outbox row (≈400 bytes of JSON, id returned) and
 * one delivery row per destination, one transaction per batch; then, as the relays do, each destination's
 * delivered rows deleted in a transaction of their own. No MQTT, parsing, lookup or HTTP: the ceiling the
 * storage design sets for the end-to-end figures, and what one part of it costs (the variants).
 *
 * <pre>java -cp target/linehub.jar io.linehub.bench.StorageCeiling [h2|pg] [scans per variant] [batch]</pre>
 */
public final class StorageCeiling {

    private static final String[] DESTINATIONS = {"erp", "mqtt-events"};
    private static final String PAYLOAD = "{\"eventId\":\"%s\",\"type\":\"scan.accepted\",\"at\":\"2026-12-06T12:00:00Z\","
            + "\"line\":\"line1\",\"station\":\"packing\",\"device\":\"scanner-01\",\"gtin\":\"09501101530003\","
            + "\"serial\":\"%s\",\"lot\":\"L2601\",\"expiry\":\"2028-06-30\",\"status\":\"commissioned\","
            + "\"decision\":\"ACCEPTED\",\"detail\":\"accepted at packing\",\"bizStep\":\"packing\"}";

    private StorageCeiling() {
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int scans = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        String url;
        String user;
        String schema = null;
        if (db.equals("pg")) {
            schema = "ceiling_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            try (Connection admin = DriverManager.getConnection(LaunchedHub.PG_SERVER, "postgres", "");
                 Statement s = admin.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            url = LaunchedHub.PG_SERVER + "?currentSchema=" + schema + "&reWriteBatchedInserts=true";
            user = "postgres";
        } else {
            Path dir = Files.createTempDirectory("linehub-ceiling");
            url = "jdbc:h2:file:" + dir.resolve("linehub").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
            user = "sa";
        }
        MasterDataSeed.seed(url, user, "", scans * 3);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("database", db);
        result.put("scansPerVariant", scans);
        result.put("batch", batch);
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            c.setAutoCommit(false);
            result.put("recordScansPerSecond", run(c, 0, scans, batch, DESTINATIONS, false));
            result.put("recordAndRelayDeletesScansPerSecond", run(c, scans, scans, batch, DESTINATIONS, true));
            result.put("recordWithoutDeliveryRowsScansPerSecond", run(c, 2 * scans, scans, batch, new String[0],
                    false));
        } finally {
            if (schema != null) {
                try (Connection admin = DriverManager.getConnection(LaunchedHub.PG_SERVER, "postgres", "");
                     Statement s = admin.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
        BenchReport.print(result);
        System.out.println("RESULT " + BenchReport.jsonLine(result));
    }

    /** Records scans of serials first..first+scans-1 in batches; @return scans per second */
    private static long run(Connection c, int first, int scans, int batch, String[] destinations, boolean relay)
            throws SQLException {
        var products = DemoCatalog.PRODUCTS;
        long start = System.nanoTime();
        try (PreparedStatement update = c.prepareStatement("UPDATE serial SET status = ?, last_accepted_at = ?,"
                + " last_accepted_station = ?, updated_at = ? WHERE gtin = ? AND serial = ? AND status = ?"
                + " AND last_accepted_at IS NULL");
             PreparedStatement history = c.prepareStatement("INSERT INTO serial_history (gtin, serial, from_status,"
                     + " to_status, reason, source, station, device, event_id, changed_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement outbox = c.prepareStatement("INSERT INTO outbox (event_id, event_type, line, payload,"
                     + " created_at, delivery_key) VALUES (?,?,?,?,?,?)", new String[] {"id"});
             PreparedStatement delivery = c.prepareStatement(
                     "INSERT INTO outbox_delivery (destination, outbox_id) VALUES (?,?)");
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM outbox_delivery WHERE destination = ? AND outbox_id = ?")) {
            for (int from = first; from < first + scans; from += batch) {
                int to = Math.min(first + scans, from + batch);
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                for (int i = from; i < to; i++) {
                    String gtin = products.get(i % 3).gtin();
                    String serial = "SN" + String.format("%08d", i);
                    String eventId = UUID.randomUUID().toString();
                    update.setString(1, "commissioned");
                    update.setObject(2, now);
                    update.setString(3, "packing");
                    update.setObject(4, now);
                    update.setString(5, gtin);
                    update.setString(6, serial);
                    update.setString(7, DemoCatalog.STATUS);
                    update.addBatch();
                    history.setString(1, gtin);
                    history.setString(2, serial);
                    history.setString(3, DemoCatalog.STATUS);
                    history.setString(4, "commissioned");
                    history.setString(5, "accepted at packing");
                    history.setString(6, "scan");
                    history.setString(7, "packing");
                    history.setString(8, "scanner-01");
                    history.setString(9, eventId);
                    history.setObject(10, now);
                    history.addBatch();
                    outbox.setString(1, eventId);
                    outbox.setString(2, "scan.accepted");
                    outbox.setString(3, "line1");
                    outbox.setString(4, PAYLOAD.formatted(eventId, serial));
                    outbox.setObject(5, now);
                    outbox.setString(6, null);
                    outbox.addBatch();
                }
                update.executeBatch();
                history.executeBatch();
                outbox.executeBatch();
                long[] ids = new long[to - from];
                try (ResultSet keys = outbox.getGeneratedKeys()) {
                    for (int k = 0; keys.next() && k < ids.length; k++) {
                        ids[k] = keys.getLong(1);
                    }
                }
                if (destinations.length > 0) {
                    for (long id : ids) {
                        for (String d : destinations) {
                            delivery.setString(1, d);
                            delivery.setLong(2, id);
                            delivery.addBatch();
                        }
                    }
                    delivery.executeBatch();
                }
                c.commit();
                if (relay) {
                    for (String d : destinations) {
                        for (long id : ids) {
                            delete.setString(1, d);
                            delete.setLong(2, id);
                            delete.addBatch();
                        }
                        delete.executeBatch();
                        c.commit();
                    }
                }
            }
        }
        return Math.round(scans / ((System.nanoTime() - start) / 1e9));
    }
}
