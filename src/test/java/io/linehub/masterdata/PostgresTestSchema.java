package io.linehub.masterdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A throw-away schema in the local PostgreSQL ({@code test} database), dropped on close; the test is
 * skipped when PostgreSQL is not reachable, unless linehub.require-local-services=true (CI) fails it.
 */
public final class PostgresTestSchema implements AutoCloseable {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String user;
    private final String schema = "md_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final HikariDataSource pool;

    public PostgresTestSchema(int poolSize) throws SQLException {
        user = List.of("postgres", "root").stream().filter(PostgresTestSchema::canConnect).findFirst().orElse(null);
        if (user == null && Boolean.getBoolean("linehub.require-local-services")) {
            throw new IllegalStateException("PostgreSQL is required here but not reachable at " + URL);
        }
        assumeTrue(user != null, "PostgreSQL not reachable at " + URL + " as postgres or root");
        try (Connection admin = connect(user); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + "?currentSchema=" + schema);
        config.setUsername(user);
        config.setMaximumPoolSize(poolSize);
        pool = new HikariDataSource(config);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() throws SQLException {
        pool.close();
        try (Connection admin = connect(user); Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static boolean canConnect(String user) {
        try (Connection connection = connect(user)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Connection connect(String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(URL, properties);
    }
}
