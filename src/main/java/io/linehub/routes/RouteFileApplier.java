package io.linehub.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a changed route file into a route change: checked first, applied only when valid, undone when Camel
 * cannot run it, and recorded either way. Remembers what each file's running version is, so a refused or
 * failed change leaves exactly that running.
 */
final class RouteFileApplier {

    private static final Logger LOG = LoggerFactory.getLogger(RouteReloader.class);

    /** The version of a file the hub runs, and the routes it made. */
    private record Applied(byte[] content, List<String> routeIds) {
    }

    private final RouteFileValidator validator;
    private final LiveRoutes live;
    private final RouteChanges changes;
    private final Clock clock;
    private final Map<Path, Applied> applied = new HashMap<>();
    private final Map<Path, String> lastSeen = new HashMap<>();

    RouteFileApplier(RouteFileValidator validator, LiveRoutes live, RouteChanges changes, Clock clock) {
        this.validator = validator;
        this.live = live;
        this.changes = changes;
        this.clock = clock;
    }

    /** A file the hub loaded at start: its content is the running version. */
    synchronized void baseline(Path file) throws IOException {
        Path abs = RoutePaths.absolute(file);
        byte[] content = Files.readAllBytes(abs);
        Set<String> ids = new LinkedHashSet<>(live.fromFile(abs));
        if (new String(content, StandardCharsets.UTF_8).contains("templatedRoute")) {
            // routes made from templates are not tied to their file by Camel: read their ids from the file
            Set<String> running = live.runningIds();
            validator.check(abs, content, running).routeIds().stream().filter(running::contains).forEach(ids::add);
        }
        applied.put(abs, new Applied(content, List.copyOf(ids)));
        lastSeen.put(abs, sha256(content));
    }

    /** Handles the file as it is now (changed, added or deleted); empty when there is nothing new to record. */
    synchronized Optional<RouteChange> onChange(Path file) {
        Path abs = RoutePaths.absolute(file);
        if (!Files.isRegularFile(abs)) {
            return removed(abs);
        }
        byte[] content;
        try {
            content = Files.readAllBytes(abs);
        } catch (IOException e) {
            LOG.debug("route file {} not readable yet: {}", abs, e.getMessage());
            return Optional.empty();
        }
        String checksum = sha256(content);
        if (checksum.equals(lastSeen.put(abs, checksum))) {
            return Optional.empty();
        }
        Applied previous = applied.get(abs);
        List<String> own = previous == null ? List.of() : previous.routeIds();
        RouteCheck check = validator.check(abs, content, own);
        if (!check.valid()) {
            String problems = check.problems().stream().map(RouteProblem::toString).collect(Collectors.joining("\n"));
            LOG.warn("route file {} refused, its running routes are unchanged:\n  {}", RoutePaths.display(abs),
                    problems.replace("\n", "\n  "));
            return Optional.of(record(abs, checksum, RouteChangeResult.REFUSED, check.routeIds(), problems));
        }
        Set<String> others = new LinkedHashSet<>(live.runningIds());
        others.removeAll(own);
        others.removeAll(live.fromFile(abs));
        try {
            List<String> ids = live.replace(abs, content, own);
            applied.put(abs, new Applied(content, ids));
            LOG.info("route file {} applied: routes {} running", RoutePaths.display(abs), ids);
            return Optional.of(record(abs, checksum, RouteChangeResult.APPLIED, ids, null));
        } catch (Exception e) {
            String why = "Camel could not run it: " + CamelErrors.innermost(e) + "; " + restore(abs, previous, others);
            LOG.error("route file {} failed: {}", RoutePaths.display(abs), why, e);
            return Optional.of(record(abs, checksum, RouteChangeResult.FAILED, check.routeIds(), why));
        }
    }

    private Optional<RouteChange> removed(Path abs) {
        Applied previous = applied.remove(abs);
        if (lastSeen.remove(abs) == null && previous == null) {
            return Optional.empty();
        }
        Set<String> ids = new LinkedHashSet<>(previous == null ? List.of() : previous.routeIds());
        ids.addAll(live.fromFile(abs));
        try {
            live.remove(ids);
            LOG.info("route file {} deleted: routes {} removed", RoutePaths.display(abs), ids);
            return Optional.of(record(abs, null, RouteChangeResult.REMOVED, new ArrayList<>(ids), null));
        } catch (Exception e) {
            LOG.error("route file {} deleted, but its routes could not be removed", RoutePaths.display(abs), e);
            return Optional.of(record(abs, null, RouteChangeResult.FAILED, new ArrayList<>(ids),
                    "file deleted, but its routes could not be removed: " + CamelErrors.innermost(e)));
        }
    }

    /** Takes out whatever the failed version left and puts the previous version back; says how it went. */
    private String restore(Path abs, Applied previous, Set<String> others) {
        try {
            Set<String> leftovers = new LinkedHashSet<>(live.runningIds());
            leftovers.removeAll(others);
            live.remove(leftovers);
            if (previous == null) {
                applied.remove(abs);
                return "nothing of it runs";
            }
            live.replace(abs, previous.content(), List.of());
            return "the previous version runs again";
        } catch (Exception e) {
            applied.remove(abs);
            return "the previous version could not be restored either: " + CamelErrors.innermost(e);
        }
    }

    private RouteChange record(Path abs, String checksum, RouteChangeResult result, List<String> ids, String msg) {
        return changes.record(new RouteChange(0, RoutePaths.display(abs), checksum, clock.instant(), result, ids, msg));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
