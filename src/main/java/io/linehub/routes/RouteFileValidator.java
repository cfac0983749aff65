package io.linehub.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.model.RouteDefinition;

/**
 * Says whether a route file may be loaded into a running hub, and if not, what is wrong where, in words a
 * plant engineer can act on: YAML that does not parse, unknown steps or keys, unknown route templates or
 * kamelets, beans missing from the registry, endpoints that cannot be created (unknown component, unknown
 * option or bad value, unset property), and route ids another file already uses.
 *
 * <p>The file is loaded and its routes built in a scratch Camel context that sees the hub's beans, properties
 * and templates; nothing is started and the hub's routes are not touched, so checking is safe at any time.
 */
public final class RouteFileValidator {

    private final CamelContext hub;
    private final RouteIdClashes clashes;

    public RouteFileValidator(CamelContext hub) {
        this.hub = hub;
        this.clashes = new RouteIdClashes(hub);
    }

    /** The problems of one file, first line first; empty when it may be loaded. */
    public List<RouteProblem> validate(Path file) {
        return check(file, Set.of()).problems();
    }

    /** The problems of several files, including route ids two of them share while neither runs yet. */
    public List<RouteProblem> validate(Collection<Path> files) {
        List<RouteProblem> answer = new ArrayList<>();
        Map<String, Path> firstUse = new HashMap<>();
        for (Path file : files) {
            RouteCheck check = check(file, Set.of());
            answer.addAll(check.problems());
            for (String id : check.routeIds()) {
                Path earlier = firstUse.putIfAbsent(id, file);
                if (earlier != null && hub.getRoute(id) == null) {
                    answer.add(new RouteProblem(file, lineOf(file, id), "route id '" + id + "' is already used by "
                            + RoutePaths.display(earlier)));
                }
            }
        }
        return List.copyOf(answer);
    }

    /**
     * @param ownRouteIds ids the file's previous version made (a reload may reuse them, including routes made
     *                    from templates, which Camel does not tie to their file)
     */
    public RouteCheck check(Path file, Collection<String> ownRouteIds) {
        try {
            return check(file, Files.readAllBytes(file), ownRouteIds);
        } catch (IOException e) {
            return new RouteCheck(file, List.of(new RouteProblem(file, 1, "cannot be read: " + e.getMessage())),
                    List.of());
        }
    }

    /** Checks {@code content} as the text of {@code file} (a reload checks exactly the bytes it will load). */
    public RouteCheck check(Path file, byte[] content, Collection<String> ownRouteIds) {
        Path abs = RoutePaths.absolute(file);
        ProblemList problems = new ProblemList(abs, new SourceLines(new String(content, StandardCharsets.UTF_8)));
        List<String> ids = new ArrayList<>();
        try (ScratchContext scratch = new ScratchContext(hub)) {
            Optional<ScratchLoad.Loaded> loaded = new ScratchLoad(scratch, problems).load(abs, content);
            if (loaded.isPresent()) {
                ids.addAll(loaded.get().lines().keySet());
                checkRoutes(scratch, loaded.get(), problems);
                for (String id : ids) {
                    int line = loaded.get().lines().getOrDefault(id, 1);
                    clashes.owner(id, abs, ownRouteIds).ifPresent(owner ->
                            problems.addAt(id, line, "route id '" + id + "' is already used by " + owner));
                }
            }
        } catch (RuntimeException e) {
            // a Camel failure outside any one route (the scratch context itself) still refuses the file
            problems.add(1, "cannot be checked: " + CamelErrors.innermost(e));
        }
        return new RouteCheck(abs, problems.sorted(), ids);
    }

    private static void checkRoutes(ScratchContext scratch, ScratchLoad.Loaded loaded, ProblemList problems) {
        RouteStepCheck steps = new RouteStepCheck(scratch, problems);
        for (Map.Entry<String, RouteDefinition> route : loaded.routes().entrySet()) {
            int line = loaded.lines().getOrDefault(route.getKey(), Math.max(1, route.getValue().getLineNumber()));
            steps.check(route.getValue(), line, loaded.fromTemplates().contains(route.getKey()));
        }
    }

    private static int lineOf(Path file, String token) {
        try {
            return new SourceLines(Files.readString(file)).lineOf(token, 1);
        } catch (IOException e) {
            return 1;
        }
    }
}
