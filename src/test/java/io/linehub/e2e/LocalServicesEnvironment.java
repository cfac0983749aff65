package io.linehub.e2e;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The real services of a plant on this machine: Mosquitto on 127.0.0.1:1883 and PostgreSQL's
 * {@code test} database, with a schema of its own per test class (dropped afterwards). Skipped when
 * they are not there, unless {@code linehub.require-local-services=true} (CI) makes that a failure.
 */
final class LocalServicesEnvironment implements HubEnvironment {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String schema = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String user;

    LocalServicesEnvironment() {
        boolean required = Boolean.getBoolean("linehub.require-local-services");
        boolean present = reachable(1883) && reachable(5432);
        if (required && !present) {
            throw new IllegalStateException("Mosquitto (1883) and PostgreSQL (5432) are required here but not reachable");
        }
        Assumptions.assumeTrue(present, "Mosquitto and PostgreSQL are not running on this machine");
        user = pickUser();
        try (Connection c = DriverManager.getConnection(PG, user, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema in PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static String pickUser() {
        for (String candidate : new String[] {"postgres", "root"}) {
            try (Connection ignored = DriverManager.getConnection(PG, candidate, "")) {
                return candidate;
            } catch (SQLException e) {
                // try the next role
            }
        }
        throw new IllegalStateException("no PostgreSQL role (postgres, root) accepted a trust login to 'test'");
    }

    private static boolean reachable(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public String mqttUrl() {
        return "tcp://127.0.0.1:1883";
    }

    @Override
    public String dbUrl() {
        return PG + "?currentSchema=" + schema;
    }

    @Override
    public String dbUser() {
        return user;
    }

    @Override
    public String dbPassword() {
        return "";
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(PG, user, "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            // a leftover schema only costs disk in the test database
        }
    }
}
