package io.linehub.cluster;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each single-owner route (a destination's relay, a printer's queue) on exactly one hub of the
 * group. Every claim interval it tries the advisory lock of each route it does not own and starts the
 * route once the lock is its own; the lock dies with the old owner's connection, so a survivor takes
 * over within one interval. When this hub's lock connection breaks it stops every owned route at once:
 * another hub may hold the locks already, and nobody printing for a moment is better than two.
 */
public final class Ownership extends ServiceSupport {

    /** What a new owner does before starting the route (e.g. fail a print job the old owner left mid-write). */
    @FunctionalInterface
    public interface Takeover {
        void prepare() throws Exception;
    }

    /** A route that must have one owner, and its takeover step. */
    public record Resource(String routeId, Takeover takeover) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Ownership.class);

    private final CamelContext context;
    private final AdvisoryLock lock;
    private final String hubLockName;
    private final long intervalMs;
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final Set<String> owned = new LinkedHashSet<>();
    private ScheduledExecutorService timer;

    Ownership(CamelContext context, AdvisoryLock lock, String hubId, long intervalMs) {
        this.context = context;
        this.lock = lock;
        this.hubLockName = "hub-id:" + hubId;
        this.intervalMs = intervalMs;
    }

    /** Takes this hub's own id lock: a second hub with the same id would share MQTT sessions, so it must not start. */
    void claimHubId(String hubId) throws SQLException {
        lock.connect();
        if (!lock.tryLock(hubLockName)) {
            lock.close();
            throw new IllegalStateException("another hub with linehub.hub-id=" + hubId
                    + " is running against this database: every hub of a cluster needs its own id");
        }
    }

    /** Adds a route (created, not started) for this hub to claim. */
    public synchronized void register(Resource resource) {
        resources.put(resource.routeId(), resource);
    }

    /** The routes this hub runs now. */
    public synchronized Set<String> owned() {
        return Set.copyOf(owned);
    }

    @Override
    protected void doStart() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "linehub-ownership");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tickSafely, 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        synchronized (this) {
            // stop our routes before the locks go, so the next owner never overlaps with us
            stopAll();
        }
        lock.close();
    }

    private void tickSafely() {
        try {
            tick();
        } catch (Exception e) {
            // the next tick must run: an ownership loop that dies quietly leaves routes unowned
            LOG.warn("ownership: {}", e.getMessage(), e);
        }
    }

    synchronized void tick() throws Exception {
        if (!lock.alive()) {
            if (!owned.isEmpty()) {
                LOG.error("ownership: lock connection lost; stopping {} to be safe", owned);
                stopAll();
            }
            lock.close();
            lock.connect();
            if (!lock.tryLock(hubLockName)) {
                LOG.error("ownership: {} is held by another hub; claiming nothing", hubLockName);
                lock.close();
                return;
            }
        }
        for (Resource r : resources.values()) {
            if (!owned.contains(r.routeId()) && lock.tryLock(r.routeId())) {
                claim(r);
            }
        }
    }

    private void claim(Resource r) throws SQLException {
        try {
            r.takeover().prepare();
            context.getRouteController().startRoute(r.routeId());
            owned.add(r.routeId());
            LOG.info("ownership: this hub now runs {}", r.routeId());
        } catch (Exception e) {
            LOG.warn("ownership: cannot start {}, releasing it: {}", r.routeId(), e.getMessage());
            lock.release(r.routeId());
        }
    }

    private void stopAll() {
        for (String routeId : owned) {
            try {
                context.getRouteController().stopRoute(routeId, 10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("ownership: stopping {}: {}", routeId, e.getMessage());
            }
        }
        owned.clear();
    }
}
