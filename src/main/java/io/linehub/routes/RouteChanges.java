package io.linehub.routes;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route file changes as the hub reports them: each one is stored in the audit table and counted, and the
 * latest are readable over HTTP ({@code GET /api/route-changes}) and JMX ({@code linehub:type=RouteChanges}).
 */
public final class RouteChanges implements RouteChangesMBean {

    private static final Logger LOG = LoggerFactory.getLogger(RouteChanges.class);

    private final RouteChangeLog log;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile RouteChange last;

    public RouteChanges(RouteChangeLog log) {
        this.log = log;
    }

    /** Stores and counts a change. An audit store that fails is logged: it must not undo or block a reload. */
    public RouteChange record(RouteChange change) {
        RouteChange stored = change;
        try {
            stored = log.append(change);
        } catch (SQLException | RuntimeException e) {
            LOG.error("route change not stored in route_change ({}): {}", e.getMessage(), change.summary(), e);
        }
        if (change.result() == RouteChangeResult.APPLIED) {
            applied.incrementAndGet();
        } else if (change.result() == RouteChangeResult.REFUSED) {
            refused.incrementAndGet();
        }
        last = stored;
        return stored;
    }

    public List<RouteChange> newest(int limit) throws SQLException {
        return log.newest(limit);
    }

    @Override
    public String getLastResult() {
        RouteChange l = last;
        return l == null ? "" : l.result().name();
    }

    @Override
    public String getLastFile() {
        RouteChange l = last;
        return l == null ? "" : l.file();
    }

    @Override
    public long getAppliedCount() {
        return applied.get();
    }

    @Override
    public long getRefusedCount() {
        return refused.get();
    }

    @Override
    public String[] recentChanges(int limit) {
        try {
            return newest(limit).stream().map(RouteChange::summary).toArray(String[]::new);
        } catch (SQLException e) {
            // JMX clients may not have the driver's exception classes: answer in words
            return new String[] {"route changes cannot be read: " + e.getMessage()};
        }
    }
}
