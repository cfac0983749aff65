package io.linehub.masterdata;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the database schema up to date with the Flyway migrations shipped in the jar. */
public final class SchemaMigrator {

    /**
     * H2 stores an identity's next value ahead in steps of its cache (32), and each such step commits
     * the whole store: with WRITE_DELAY=0 a file write per 32 outbox rows, 40 % of a batch's insert time
     * in a profile. H2 hands cached values out in order from one shared counter, so a large cache only
     * leaves a gap after a crash. (Not PostgreSQL: its cache is per session and would put ids out of
     * commit order across connections.)
     */
    private static final String[] H2_IDENTITY_CACHES = {
        "ALTER TABLE outbox ALTER COLUMN id SET CACHE 100000",
        "ALTER TABLE serial_history ALTER COLUMN id SET CACHE 100000",
    };

    /**
     * PostgreSQL does not index a foreign key's referencing column by itself (H2 does): deleting an outbox row
     * would scan every pending delivery to check none refers to it (see OutboxPruner).
     */
    private static final String[] POSTGRES_INDEXES = {
        "CREATE INDEX IF NOT EXISTS outbox_delivery_by_outbox ON outbox_delivery (outbox_id)",
    };

    private SchemaMigrator() {
    }

    /** Applies pending migrations from {@code classpath:db/migration}; safe to call on every start. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String product = c.getMetaData().getDatabaseProductName();
            for (String sql : "H2".equals(product) ? H2_IDENTITY_CACHES
                    : "PostgreSQL".equals(product) ? POSTGRES_INDEXES : new String[0]) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tuning the schema failed: " + e.getMessage(), e);
        }
    }
}
