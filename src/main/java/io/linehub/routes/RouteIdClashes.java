package io.linehub.routes;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * Route ids are unique in the hub: a file may reuse only the ids of routes it made itself (found by their
 * source file, or named by the caller for routes made from templates, which Camel does not tie to a file).
 */
final class RouteIdClashes {

    private final CamelContext hub;

    RouteIdClashes(CamelContext hub) {
        this.hub = hub;
    }

    /** Who already runs a route with this id, in words; empty when nobody else does. */
    Optional<String> owner(String routeId, Path file, Collection<String> ownRouteIds) {
        Route running = hub.getRoute(routeId);
        if (running == null || ownRouteIds.contains(routeId)) {
            return Optional.empty();
        }
        Optional<Path> source = RoutePaths.of(running.getSourceResource());
        if (source.isPresent()) {
            return source.get().equals(RoutePaths.absolute(file)) ? Optional.empty()
                    : Optional.of(RoutePaths.display(source.get()));
        }
        String location = running.getSourceLocationShort();
        return Optional.of(location == null ? "a route the hub made itself"
                : "a route made from a template (" + location + ")");
    }
}
