package io.linehub.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL session-level advisory locks on one dedicated connection of this hub. A lock lives exactly as
 * long as the connection: when the hub dies (or its connection breaks) PostgreSQL releases every lock it
 * held, so no lease or heartbeat of our own is needed. Keys are names hashed with the schema, because
 * advisory locks are database-wide and two hub groups may share a database in different schemas.
 */
final class AdvisoryLock implements AutoCloseable {

    private static final String TRY = "SELECT pg_try_advisory_lock(hashtextextended(current_schema() || ':' || ?, 0))";
    private static final String RELEASE = "SELECT pg_advisory_unlock(hashtextextended(current_schema() || ':' || ?, 0))";

    private final String url;
    private final String user;
    private final String password;
    private Connection connection;

    AdvisoryLock(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Opens the dedicated connection if there is none; a fresh connection holds no locks. */
    synchronized void connect() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(url, user, password);
            connection.setAutoCommit(true);
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
