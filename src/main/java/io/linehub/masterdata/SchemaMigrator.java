package io.linehub.masterdata;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the database schema up to date with the Flyway migrations shipped in the jar. */
public final class SchemaMigrator {

    private SchemaMigrator() {
    }

    /** Applies pending migrations from {@code classpath:db/migration}; safe to call on every start. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
