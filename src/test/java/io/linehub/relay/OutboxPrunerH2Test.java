package io.linehub.relay;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;

/** Outbox pruning on H2 (the embedded default). */
class OutboxPrunerH2Test extends OutboxPrunerContract {

    private HikariDataSource hikari;

    @Override
    protected DataSource openDatabase() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:prune_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        hikari = new HikariDataSource(config);
        return hikari;
    }

    @Override
    protected void closeDatabase() {
        hikari.close();
    }
}
