package io.linehub.cluster;

import java.sql.SQLException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's {@link Fence}: asks PostgreSQL whether this hub's lock session still holds the route's
 * advisory lock (one small query on the lock connection) and, when it does not, has ownership give the
 * route up at once rather than at the next claim tick.
 */
final class LockFence implements Fence {

    private static final Logger LOG = LoggerFactory.getLogger(LockFence.class);

    private final AdvisoryLock lock;
    private final Consumer<String> lost;

    LockFence(AdvisoryLock lock, Consumer<String> lost) {
        this.lock = lock;
        this.lost = lost;
    }

    @Override
    public boolean stillOwns(String routeId) {
        try {
            if (lock.holds(routeId)) {
                return true;
            }
            LOG.warn("fence: the lock of {} is not held by this hub", routeId);
        } catch (SQLException e) {
            LOG.warn("fence: cannot confirm the lock of {}, giving it up: {}", routeId, e.getMessage());
        }
        lost.accept(routeId);
        return false;
    }
}
