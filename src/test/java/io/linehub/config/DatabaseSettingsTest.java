package io.linehub.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.Test;

/** What the hub adds to the configured database URL, and what it leaves to the operator. */
class DatabaseSettingsTest {

    private static HikariConfig configured(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        HubBeans.rewriteBatchedInserts(config);
        return config;
    }

    @Test
    void should_have_postgresql_send_insert_batches_as_multi_row_inserts() {
        assertEquals("true", configured("jdbc:postgresql://db:5432/linehub").getDataSourceProperties()
                .getProperty("reWriteBatchedInserts"));
    }

    @Test
    void should_leave_an_explicit_choice_in_the_url_and_other_databases_alone() {
        assertNull(configured("jdbc:postgresql://db/linehub?reWriteBatchedInserts=false").getDataSourceProperties()
                .getProperty("reWriteBatchedInserts"));
        assertNull(configured("jdbc:h2:file:./data/linehub").getDataSourceProperties()
                .getProperty("reWriteBatchedInserts"));
    }

    @Test
    void should_make_an_embedded_file_database_write_each_commit_before_it_returns() {
        assertEquals("jdbc:h2:file:./data/linehub;WRITE_DELAY=0", HubBeans.durable("jdbc:h2:file:./data/linehub"));
        assertEquals("jdbc:h2:file:x;write_delay=100", HubBeans.durable("jdbc:h2:file:x;write_delay=100"));
        assertEquals("jdbc:postgresql://db/linehub", HubBeans.durable("jdbc:postgresql://db/linehub"));
    }
}
