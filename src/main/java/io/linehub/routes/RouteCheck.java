package io.linehub.routes;

import java.nio.file.Path;
import java.util.List;

/**
 * The verdict on one route file: its problems (none means it may be loaded) and the ids of the routes it
 * makes, including those made from templates, which Camel does not tie to the file they are declared in.
 */
public record RouteCheck(Path file, List<RouteProblem> problems, List<String> routeIds) {

    public RouteCheck {
        problems = List.copyOf(problems);
        routeIds = List.copyOf(routeIds);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
