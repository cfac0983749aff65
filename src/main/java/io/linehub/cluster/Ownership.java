package io.linehub.cluster;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * another hub may hold the locks already, and nobody printing for a moment is better than two. The routes
 * ask {@link #fence()} before each batch or label, so a cut lock session stops them at their next step,
 * not up to one interval later; after such a loss this hub claims nothing for two intervals, so a hub
 * with a healthy database link takes the work rather than the one whose link just broke.
 */
public final class Ownership extends ServiceSupport {

    /** What a new owner does before starting the route (e.g. fail a print job the old owner left mid-write). */
    @FunctionalInterface
    public interface Takeover {
        void prepare() throws Exception;
    }

    /** What this hub does once it has stopped a route it no longer owns (e.g. let go of the printer's port). */
    @FunctionalInterface
    public interface Release {
        void afterStop();
    }

    /** A route that must have one owner, its takeover step and its release step. */
    public record Resource(String routeId, Takeover takeover, Release release) {

        public Resource(String routeId, Takeover takeover) {
            this(routeId, takeover, () -> { });
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Ownership.class);

    private final CamelContext context;
    private final AdvisoryLock lock;
    private final String hubLockName;
    private final long intervalMs;
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    // concurrent: operations read it while the ownership thread waits for a route to stop
    private final Set<String> owned = ConcurrentHashMap.newKeySet();
    private final String hubId;
    // volatile: fences read it from the routes' threads to hand a lost route to the ownership thread
    private volatile ScheduledExecutorService timer;
    // volatile: partner consumers read it from their own threads (LockOnPoll)
    private volatile long claimPausedUntilNanos;

    Ownership(CamelContext context, AdvisoryLock lock, String hubId, long intervalMs) {
        this.context = context;
        this.lock = lock;
        this.hubLockName = "hub-id:" + hubId;
        this.hubId = hubId;
        this.intervalMs = intervalMs;
        this.claimPausedUntilNanos = System.nanoTime();
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

    /** What the owned routes ask before each step the outside world sees. */
    public Fence fence() {
        return new LockFence(lock, this::lost);
    }

    /** For consumers that poll for themselves (partner routes' outbox: subscriptions): take their lock on poll. */
    public PollOwnership pollOwnership() {
        return new LockOnPoll(lock, this::claimsPaused);
    }

    /** The routes this hub runs now. */
    public Set<String> owned() {
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
                LOG.error("ownership: hub {} lost its lock connection; stopping {} to be safe", hubId, owned);
                stopAll();
            }
            pauseClaims(); // partner subscriptions too, which ownership does not list
            lock.close();
            lock.connect();
            if (!lock.tryLock(hubLockName)) {
                LOG.error("ownership: {} is held by another hub; claiming nothing", hubLockName);
                lock.close();
                return;
            }
        }
        if (claimsPaused()) {
            return;
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
            LOG.info("ownership: hub {} now runs {}", hubId, r.routeId());
        } catch (Exception e) {
            LOG.warn("ownership: cannot start {}, releasing it: {}", r.routeId(), e.getMessage());
            lock.release(r.routeId());
        }
    }

    /**
     * A fence found the route's lock gone. The route's own thread is the one asking, and a route cannot be
     * stopped from inside its own exchange without waiting out the stop timeout, so the stop runs on the
     * ownership thread; meanwhile every further fence check of the route fails on its own.
     */
    private void lost(String routeId) {
        ScheduledExecutorService t = timer;
        if (t == null || t.isShutdown()) {
            return;
        }
        try {
            t.execute(() -> giveUp(routeId));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping: doStop stops every route anyway
        }
    }

    private synchronized void giveUp(String routeId) {
        if (!owned.remove(routeId)) {
            return; // already given up (each failed fence check of the dying exchange asks again)
        }
        LOG.error("ownership: hub {} lost the lock of {}; it stops running it", hubId, routeId);
        stop(routeId);
        pauseClaims();
    }

    private boolean claimsPaused() {
        return System.nanoTime() - claimPausedUntilNanos < 0;
    }

    private void pauseClaims() {
        claimPausedUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2 * intervalMs);
    }

    private void stop(String routeId) {
        try {
            context.getRouteController().stopRoute(routeId, 10, TimeUnit.SECONDS);
            resources.get(routeId).release().afterStop();
        } catch (Exception e) {
            LOG.warn("ownership: stopping {}: {}", routeId, e.getMessage());
        }
    }

    private void stopAll() {
        for (String routeId : owned) {
            stop(routeId);
        }
        owned.clear();
    }
}
