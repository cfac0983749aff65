package io.linehub.masterdata;

import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs the import contract against the local PostgreSQL in a throw-away schema; skipped when none is reachable. */
class SerialImporterPostgresTest extends SerialImportContractTest {

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
