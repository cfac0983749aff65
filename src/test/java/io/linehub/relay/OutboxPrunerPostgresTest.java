package io.linehub.relay;

import io.linehub.masterdata.PostgresTestSchema;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Outbox pruning on PostgreSQL (production), in a throw-away schema. */
class OutboxPrunerPostgresTest extends OutboxPrunerContract {

    private PostgresTestSchema database;

    @Override
    protected DataSource openDatabase() throws SQLException {
        database = new PostgresTestSchema(4);
        return database.dataSource();
    }

    @Override
    protected void closeDatabase() throws SQLException {
        database.close();
    }
}
