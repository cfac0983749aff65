package io.linehub.masterdata;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;

/** The serial pool on H2 (the embedded default), through a connection pool as the hub uses it. */
class SerialPoolH2Test extends SerialPoolContract {

    private HikariDataSource hikari;

    @Override
    protected DataSource openDatabase() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:pool_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(8);
        hikari = new HikariDataSource(config);
        return hikari;
    }

    @Override
    protected void closeDatabase() {
        hikari.close();
    }
}
