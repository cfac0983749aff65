package io.linehub.packing;

import javax.sql.DataSource;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Camel's JDBC aggregation repository over tables case_read / case_read_completed (Flyway V5): open
 * cases survive a restart, and a closed case whose packing failed (database down) is recovered and
 * packed again. The plain repository on PostgreSQL too: Camel 4.17's PostgresAggregationRepository binds
 * three parameters to its two-column insert and fails every new group ("column index is out of range: 3").
 * Its reason to exist, an insert conflict aborting the transaction, cannot happen here: one device's
 * reads arrive on one consumer thread, and a lost race would only be retried as an optimistic-lock miss.
 */
public final class CaseReadRepository {

    private CaseReadRepository() {
    }

    public static JdbcAggregationRepository create(DataSource dataSource, long recoveryIntervalMs) {
        JdbcAggregationRepository repo = new JdbcAggregationRepository(new DataSourceTransactionManager(dataSource),
                "case_read", dataSource);
        repo.setUseRecovery(true);
        repo.setRecoveryInterval(recoveryIntervalMs);
        // a case that still cannot be packed after this many recoveries is kept as a dead letter
        repo.setMaximumRedeliveries(60);
        repo.setDeadLetterUri("direct:case-dead-letter");
        return repo;
    }
}
