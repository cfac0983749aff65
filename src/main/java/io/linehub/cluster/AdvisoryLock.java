package io.linehub.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * PostgreSQL session-level advisory locks on one dedicated connection of this hub. A lock lives exactly as
 * long as the connection: when the hub dies (or its connection breaks) PostgreSQL releases every lock it
 * held, so no lease or heartbeat of our own is needed. Keys are names hashed with the schema, because
 * advisory locks are database-wide and two hub groups may share a database in different schemas.
 */
final class AdvisoryLock implements AutoCloseable {

    private static final String TRY = "SELECT pg_try_advisory_lock(hashtextextended(current_schema() || ':' || ?, 0))";
    private static final String RELEASE = "SELECT pg_advisory_unlock(hashtextextended(current_schema() || ':' || ?, 0))";
    /** A bigint advisory key shows in pg_locks as classid (high 32 bits), objid (low 32 bits), objsubid 1. */
    private static final String HOLDS = "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"
            + " AND pid = pg_backend_pid() AND granted AND objsubid = 1"
            + " AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(current_schema() || ':' || ?, 0))";

    private final String url;
    private final String user;
    private final String password;
    private final String applicationName;
    private Connection connection;

    /**
     * @param applicationName shown in pg_stat_activity, so an operator (or a test) can find this hub's lock
     *                        session among the pool's connections and end it on purpose
     */
    AdvisoryLock(String url, String user, String password, String applicationName) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.applicationName = applicationName;
    }

    /** Opens the dedicated connection if there is none; a fresh connection holds no locks. */
    synchronized void connect() throws SQLException {
        if (connection == null) {
            Properties p = new Properties();
            p.setProperty("user", user);
            p.setProperty("password", password);
            p.setProperty("ApplicationName", applicationName);
            // a lock connection cut off by the network must fail, not hang: a relay or printer waiting on
            // its fence check would otherwise stop for good instead of handing its work over
            p.setProperty("connectTimeout", "5");
            p.setProperty("socketTimeout", "10");
            p.setProperty("tcpKeepAlive", "true");
            Connection c = DriverManager.getConnection(url, p);
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                // the server side of the same worry: a hub whose machine vanishes (power, network) closes no
                // socket, and with the kernel's default keepalive PostgreSQL would keep its locks for hours;
                // with these it ends the session, and so frees the locks, within about 15 s
                st.execute("SET tcp_keepalives_idle = 5");
                st.execute("SET tcp_keepalives_interval = 2");
                st.execute("SET tcp_keepalives_count = 3");
                st.execute("SET tcp_user_timeout = 10000");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
    }

    /** True while the connection (and so every lock taken on it) is alive. */
    synchronized boolean alive() {
        try {
            return connection != null && connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Takes the named lock without waiting; true when this hub holds it now (re-entrant on our connection). */
    synchronized boolean tryLock(String name) throws SQLException {
        return query(TRY, name);
    }

    /**
     * True when this connection holds the named lock right now, asked of PostgreSQL itself: false as soon as
     * the session is gone (terminated, broken: then it throws), even before {@link #alive} has been asked again.
     */
    synchronized boolean holds(String name) throws SQLException {
        return query(HOLDS, name);
    }

    synchronized void release(String name) throws SQLException {
        query(RELEASE, name);
    }

    private boolean query(String sql, String name) throws SQLException {
        if (connection == null) {
            throw new SQLException("advisory lock connection is not open");
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Drops the connection: PostgreSQL releases all of its locks with it. */
    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the connection is gone either way, and its locks with it
            }
            connection = null;
        }
    }
}
