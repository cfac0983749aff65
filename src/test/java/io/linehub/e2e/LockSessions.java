package io.linehub.e2e;

import io.linehub.cluster.ClusterBeans;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The hubs' advisory-lock sessions as PostgreSQL sees them (pg_locks joined with pg_stat_activity): who
 * holds a route's lock, and ending a hub's lock session as a network cut or a DBA would.
 */
final class LockSessions {

    private static final String HOLDER = "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a"
            + " ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
            + " AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended(current_schema() || ':' || ?, 0)";

    private final HubEnvironment env;

    LockSessions(HubEnvironment env) {
        this.env = env;
    }

    /** The hub id whose lock session holds the route's lock, or null when nobody does. */
    String holder(String routeId) throws SQLException {
        try (Connection c = DriverManager.getConnection(env.dbUrl(), env.dbUser(), env.dbPassword());
             PreparedStatement ps = c.prepareStatement(HOLDER)) {
            ps.setString(1, routeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1).substring(ClusterBeans.LOCK_SESSION_PREFIX.length()) : null;
            }
        }
    }

    /** pg_terminate_backend on the hub's lock session; answers how many sessions were ended. */
    int terminate(String hubId) throws SQLException {
        try (Connection c = DriverManager.getConnection(env.dbUrl(), env.dbUser(), env.dbPassword());
             PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     + " WHERE application_name = ?")) {
            ps.setString(1, ClusterBeans.LOCK_SESSION_PREFIX + hubId);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return n;
        }
    }
}
