package io.linehub.relay.outbox;

import io.linehub.db.Transaction;
import io.linehub.relay.Destination;
import io.linehub.relay.Destinations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Partner subscriptions, kept in the database (table subscription) and joined to the live destinations:
 * loaded before any route starts, so an event recorded while a partner route is still starting, or
 * stopped, still gets its pending delivery.
 */
public final class Subscriptions {

    private final DataSource dataSource;
    private final Destinations destinations;

    public Subscriptions(DataSource dataSource, Destinations destinations) {
        this.dataSource = dataSource;
        this.destinations = destinations;
    }

    /** Joins every stored subscription to the destinations; call before the scan routes start. */
    public int restore() throws SQLException {
        int n = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT name, types, lines, format, batch_size FROM subscription");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                destinations.subscribe(destination(rs.getString(1), split(rs.getString(2)), split(rs.getString(3)),
                        rs.getString(4), rs.getInt(5)));
                n++;
            }
        }
        return n;
    }

    /** Stores (or updates) a subscription and makes it live. */
    public void subscribe(String name, Set<String> types, Set<String> lines, String format, int batchSize)
            throws SQLException {
        Destination subscription = destination(name, types, lines, format, batchSize);
        Transaction.run(dataSource, c -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement update = c.prepareStatement("UPDATE subscription SET types = ?, lines = ?,"
                    + " format = ?, batch_size = ?, updated_at = ? WHERE name = ?")) {
                update.setString(1, String.join(",", types));
                update.setString(2, String.join(",", lines));
                update.setString(3, format);
                update.setInt(4, batchSize);
                update.setObject(5, now);
                update.setString(6, name);
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO subscription (name, types, lines, format,"
                    + " batch_size, created_at, updated_at) VALUES (?,?,?,?,?,?,?)")) {
                insert.setString(1, name);
                insert.setString(2, String.join(",", types));
                insert.setString(3, String.join(",", lines));
                insert.setString(4, format);
                insert.setInt(5, batchSize);
                insert.setObject(6, now);
                insert.setObject(7, now);
                insert.executeUpdate();
            }
            return null;
        });
        destinations.subscribe(subscription);
    }

    /** Ends a subscription: its pending deliveries are dropped with it (the partner was removed). */
    public void unsubscribe(String name) throws SQLException {
        Transaction.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox_delivery WHERE destination = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM subscription WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            return null;
        });
        destinations.unsubscribe(name);
    }

    private static Destination destination(String name, Set<String> types, Set<String> lines, String format,
                                           int batchSize) {
        return new Destination(name, Destination.Kind.ROUTE, null, types, lines, format, batchSize, Map.of(), null);
    }

    private static Set<String> split(String csv) {
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(csv == null ? new String[0] : csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(values::add);
        return values;
    }
}
