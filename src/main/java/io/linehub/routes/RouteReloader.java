package io.linehub.routes;

import io.linehub.config.HubProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Safe reload of route files while the hub runs: watches the routes folder (recursively) and applies a
 * changed or added {@code *.camel.yaml} only if {@link RouteFileValidator} finds nothing wrong with it;
 * otherwise the running routes stay exactly as they were. A deleted file takes its routes with it. Every
 * attempt goes to the audit ({@link RouteChanges}). Unlike Camel's dev-mode reload, which replaces all
 * routes with whatever it finds, a broken file here never stops a working route.
 */
public final class RouteReloader extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(RouteReloader.class);

    private final CamelContext hub;
    private final Path folder;
    private final Duration debounce;
    private final RouteChanges changes;
    private FolderWatch watch;
    private ExecutorService thread;

    public RouteReloader(CamelContext hub, Path folder, Duration debounce, RouteChanges changes) {
        this.hub = hub;
        this.folder = RoutePaths.absolute(folder);
        this.debounce = debounce;
        this.changes = changes;
    }

    /**
     * Starts reloading if {@code linehub.routes.reload} is on; call once the hub's routes run, so the
     * files' current versions are known as running.
     */
    public static void installIfEnabled(CamelContext hub, HubProperties props) throws Exception {
        if (!props.getBoolean("linehub.routes.reload", false)) {
            LOG.info("route reload is off (linehub.routes.reload=false): route files are read at start only");
            return;
        }
        RouteChanges changes = hub.getRegistry().lookupByNameAndType("routeChanges", RouteChanges.class);
        hub.addService(new RouteReloader(hub, Path.of(props.get("linehub.routes.reload-dir", "routes")),
                Duration.ofMillis(props.getInt("linehub.routes.reload-debounce-ms", 500)), changes), true, true);
    }

    @Override
    protected void doStart() throws Exception {
        if (!Files.isDirectory(folder)) {
            LOG.warn("route reload: {} is not a folder, nothing is watched", folder);
            return;
        }
        RouteFileValidator validator = new RouteFileValidator(hub);
        RouteFileApplier applier = new RouteFileApplier(validator, new LiveRoutes(hub), changes, Clock.systemUTC());
        for (Path file : FolderWatch.routeFiles(folder)) {
            applier.baseline(file);
        }
        watch = new FolderWatch(folder, debounce, applier::onChange);
        thread = hub.getExecutorServiceManager().newSingleThreadExecutor(this, "RouteReloader");
        thread.submit(watch);
        LOG.info("route reload on: watching {} (and subfolders) for *.camel.yaml, {} ms debounce",
                RoutePaths.display(folder), debounce.toMillis());
    }

    @Override
    protected void doStop() throws Exception {
        if (watch != null) {
            watch.close();
            watch = null;
        }
        if (thread != null) {
            hub.getExecutorServiceManager().shutdownNow(thread);
            thread = null;
        }
    }

    @Override
    public String toString() {
        return "RouteReloader[" + folder + "]";
    }
}
