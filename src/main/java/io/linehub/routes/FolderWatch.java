package io.linehub.routes;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder and its subfolders for route files that appear, change or disappear, and reports them
 * once they have been quiet for the debounce time: an editor's save (truncate, write, rename) or a copy
 * arrives as several events, and the file is read only when complete.
 */
final class FolderWatch implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatch.class);

    private final Path root;
    private final long debounceNanos;
    private final Consumer<Path> onChange;
    private final WatchService watcher;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Set<Path> known = new LinkedHashSet<>();
    private final Set<Path> pending = new LinkedHashSet<>();
    private long lastEvent;

    FolderWatch(Path root, Duration debounce, Consumer<Path> onChange) throws IOException {
        this.root = RoutePaths.absolute(root);
        this.debounceNanos = debounce.toNanos();
        this.onChange = onChange;
        this.watcher = FileSystems.getDefault().newWatchService();
        register(this.root);
    }

    /** The route files under the folder now. */
    static Set<Path> routeFiles(Path root) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        try (Stream<Path> all = Files.walk(RoutePaths.absolute(root))) {
            all.filter(Files::isRegularFile).filter(RoutePaths::isRouteFile).sorted().forEach(files::add);
        }
        return files;
    }

    /** Runs on the reloader's own thread until {@link #close()}; changes are handled one at a time on it. */
    @Override
    public void run() {
        try {
            while (true) {
                WatchKey key = watcher.poll(pending.isEmpty() ? 1000 : 50, TimeUnit.MILLISECONDS);
                if (key != null) {
                    collect(key);
                }
                if (!pending.isEmpty() && System.nanoTime() - lastEvent >= debounceNanos) {
                    Set<Path> ready = new LinkedHashSet<>(pending);
                    pending.clear();
                    ready.forEach(this::report);
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            LOG.debug("stopped watching {}", root);
        }
    }

    private void collect(WatchKey key) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || folder == null) {
                rescan();
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                // a folder copied in: its files may be there before it is watched
                register(path);
            } else if (RoutePaths.isRouteFile(path) || known.contains(path)) {
                pending.add(path);
            } else if (event.kind() == ENTRY_DELETE) {
                // a deleted folder: its files are gone with it
                known.stream().filter(p -> p.startsWith(path)).forEach(pending::add);
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
        lastEvent = System.nanoTime();
    }

    private void register(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isDirectory(p)) {
                    folders.put(p.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), p);
                } else if (RoutePaths.isRouteFile(p) && known.add(p) && !folder.equals(root)) {
                    pending.add(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot watch {}: {}", folder, e.getMessage());
        }
    }

    /** Events were lost: every file there now, and every one seen before, is looked at again. */
    private void rescan() {
        pending.addAll(known);
        try {
            pending.addAll(routeFiles(root));
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", root, e.getMessage());
        }
    }

    private void report(Path file) {
        if (Files.exists(file)) {
            known.add(file);
        } else {
            known.remove(file);
        }
        try {
            onChange.accept(file);
        } catch (RuntimeException e) {
            // one bad file must not end the watch for all others
            LOG.error("route file {} could not be handled", file, e);
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
