package io.linehub.masterdata;

import java.sql.SQLException;
import javax.sql.DataSource;

/** The serial pool on PostgreSQL (production), in a throw-away schema. */
class SerialPoolPostgresTest extends SerialPoolContract {

    private PostgresTestSchema database;

    @Override
    protected DataSource openDatabase() throws SQLException {
        database = new PostgresTestSchema(8);
        return database.dataSource();
    }

    @Override
    protected void closeDatabase() throws SQLException {
        database.close();
    }
}
