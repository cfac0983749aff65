package io.linehub.routes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/** The {@code route_change} table (Flyway V7): every route file change the hub saw, newest last. */
public final class RouteChangeLog {

    private static final String INSERT = "INSERT INTO route_change (file, checksum, changed_at, result, route_ids,"
            + " message) VALUES (?,?,?,?,?,?)";
    private static final String NEWEST = "SELECT id, file, checksum, changed_at, result, route_ids, message"
            + " FROM route_change ORDER BY id DESC";

    private final DataSource dataSource;

    public RouteChangeLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the change and answers it with its row id. */
    public RouteChange append(RouteChange change) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"id"})) {
            ps.setString(1, change.file());
            ps.setString(2, change.checksum());
            ps.setObject(3, change.changedAt().atOffset(ZoneOffset.UTC));
            ps.setString(4, change.result().name());
            ps.setString(5, change.routeIds().isEmpty() ? null : String.join(",", change.routeIds()));
            ps.setString(6, change.message());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? change.withId(keys.getLong(1)) : change;
            }
        }
    }

    /** The latest {@code limit} changes, newest first. */
    public List<RouteChange> newest(int limit) throws SQLException {
        List<RouteChange> answer = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(NEWEST)) {
            // setMaxRows instead of LIMIT/FETCH FIRST: the same statement on H2 and PostgreSQL
            ps.setMaxRows(Math.max(1, limit));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ids = rs.getString("route_ids");
                    answer.add(new RouteChange(rs.getLong("id"), rs.getString("file"), rs.getString("checksum"),
                            rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                            RouteChangeResult.valueOf(rs.getString("result")),
                            ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(",")),
                            rs.getString("message")));
                }
            }
        }
        return answer;
    }
}
