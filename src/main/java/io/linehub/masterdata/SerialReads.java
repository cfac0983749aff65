package io.linehub.masterdata;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Reads the stored products and serials one chunk of an import touches, with bound parameters only. */
final class SerialReads {

    private static final String SERIAL_COLUMNS = "SELECT gtin, serial, lot, expiry, status, status_reason FROM serial";

    private SerialReads() {
    }

    /** GTIN to name (possibly null) for those of {@code gtins} that exist. */
    static Map<String, String> products(Connection connection, Set<String> gtins) throws SQLException {
        Map<String, String> products = new HashMap<>();
        String sql = "SELECT gtin, name FROM product WHERE gtin IN (" + placeholders(gtins.size(), "?") + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (String gtin : gtins) {
                select.setString(index++, gtin);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    products.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return products;
    }

    /**
     * Loads and locks the stored serials among {@code keys}: the lock keeps a concurrent scan from changing a
     * status between this read and the import's UPDATE, which would make the history's from_status wrong.
     * Each database gets the statement shape it answers with primary-key probes even without statistics
     * (a bulk load into a fresh table, or autovacuum off): H2 only uses the index for a row-value IN list,
     * while PostgreSQL's cached generic plan turns that list, or {@code serial = ANY(?)}, into a filter over
     * every row of the GTIN, a cost that grows with the table; a LATERAL lookup cannot be planned that way.
     */
    static Map<SerialKey, SerialState> serials(Connection connection, Collection<SerialKey> keys) throws SQLException {
        Map<SerialKey, SerialState> serials = new HashMap<>();
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            loadByLateralProbe(connection, keys, serials);
        } else {
            loadByRowValues(connection, keys, serials);
        }
        return serials;
    }

    private static void loadByLateralProbe(Connection connection, Collection<SerialKey> keys,
                                           Map<SerialKey, SerialState> into) throws SQLException {
        Array gtins = connection.createArrayOf("varchar", keys.stream().map(SerialKey::gtin).toArray());
        Array serials = connection.createArrayOf("varchar", keys.stream().map(SerialKey::serial).toArray());
        try (PreparedStatement select = connection.prepareStatement("SELECT s.* FROM unnest(?, ?) AS k (gtin, serial)"
                + " CROSS JOIN LATERAL (" + SERIAL_COLUMNS + " WHERE gtin = k.gtin AND serial = k.serial FOR UPDATE) s")) {
            select.setArray(1, gtins);
            select.setArray(2, serials);
            read(select, into);
        } finally {
            gtins.free();
            serials.free();
        }
    }

    private static void loadByRowValues(Connection connection, Collection<SerialKey> keys,
                                        Map<SerialKey, SerialState> into) throws SQLException {
        String sql = SERIAL_COLUMNS + " WHERE (gtin, serial) IN (" + placeholders(keys.size(), "(?, ?)") + ") FOR UPDATE";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (SerialKey key : keys) {
                select.setString(index++, key.gtin());
                select.setString(index++, key.serial());
            }
            read(select, into);
        }
    }

    private static void read(PreparedStatement select, Map<SerialKey, SerialState> into) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                SerialKey key = new SerialKey(rows.getString(1), rows.getString(2));
                into.put(key, new SerialState(key, rows.getString(3), rows.getObject(4, LocalDate.class),
                        SerialStatus.fromColumn(rows.getString(5)), rows.getString(6)));
            }
        }
    }

    private static String placeholders(int count, String placeholder) {
        return String.join(", ", Collections.nCopies(count, placeholder));
    }
}
