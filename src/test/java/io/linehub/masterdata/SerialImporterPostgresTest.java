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

/** Runs the import contract against the local PostgreSQL in a throw-away schema; skipped when none is reachable. */
class SerialImporterPostgresTest extends SerialImportContractTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private String user;
    private String schema;
    private HikariDataSource pool;

    @Override
    protected DataSource openDatabase() throws SQLException {
        user = List.of("postgres", "root").stream().filter(SerialImporterPostgresTest::canConnect).findFirst().orElse(null);
        assumeTrue(user != null, "PostgreSQL not reachable at " + URL + " as postgres or root");
        schema = "md_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = connect(user); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + "?currentSchema=" + schema);
        config.setUsername(user);
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        return pool;
    }

    @Override
    protected void closeDatabase() throws SQLException {
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
