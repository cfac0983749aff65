package io.linehub.ops;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness of master data and the outbox: a connection answers within two seconds. */
public final class DatabaseHealthCheck extends AbstractHealthCheck {

    private final DataSource dataSource;

    public DatabaseHealthCheck(DataSource dataSource) {
        super("linehub", "database");
        this.dataSource = dataSource;
    }

    @Override
    public boolean isLiveness() {
        // an unreachable database is waited out (inputs are held, nothing is lost): not a reason to restart the hub
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(2)) {
                builder.up();
            } else {
                builder.detail("reason", "connection not valid").down();
            }
        } catch (Exception e) {
            builder.detail("reason", String.valueOf(e.getMessage())).down();
        }
    }
}
