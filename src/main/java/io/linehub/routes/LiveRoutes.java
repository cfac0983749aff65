package io.linehub.routes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RouteConfigurationsBuilder;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * The hub's running routes of one route file: put in, replaced, taken out. Camel 4.17's
 * {@code RoutesLoader.updateRoutes} only replaces routes whose id is in the new version (a route dropped from
 * the file would keep running) and ignores {@code templatedRoute}, so a replacement here removes every route
 * of the previous version first, then loads the new one and starts what the route controller left stopped.
 */
public final class LiveRoutes {

    private final CamelContext hub;

    public LiveRoutes(CamelContext hub) {
        this.hub = hub;
    }

    /** Ids of the running routes Camel loaded from this file (routes made from templates are not among them). */
    public Set<String> fromFile(Path file) {
        Path abs = RoutePaths.absolute(file);
        Set<String> ids = new LinkedHashSet<>();
        for (Route route : hub.getRoutes()) {
            if (RoutePaths.of(route.getSourceResource()).filter(abs::equals).isPresent()) {
                ids.add(route.getRouteId());
            }
        }
        return ids;
    }

    /**
     * Loads {@code content} as the file's new version after removing the routes of the previous one, and
     * answers the ids of the routes it started. On an exception the hub may hold part of the new version: the
     * caller removes {@link #fromFile} plus the answered ids' survivors and puts the previous version back.
     */
    public List<String> replace(Path file, byte[] content, Collection<String> previous) throws Exception {
        Set<String> old = new LinkedHashSet<>(previous);
        old.addAll(fromFile(file));
        remove(old);
        Set<String> before = runningIds();
        Set<String> stoppedBefore = new LinkedHashSet<>();
        for (String id : before) {
            if (hub.getRouteController().getRouteStatus(id) != ServiceStatus.Started) {
                stoppedBefore.add(id);
            }
        }
        var resource = ResourceHelper.fromBytes(RoutePaths.location(file), content);
        Collection<RoutesBuilder> builders = PluginHelper.getRoutesLoader(hub).findRoutesBuilders(List.of(resource));
        for (RoutesBuilder builder : builders) {
            ((RouteBuilder) builder).configureRoutes(hub);
            replaceTemplates((RouteBuilder) builder);
            if (builder instanceof RouteConfigurationsBuilder configurations) {
                configurations.updateRouteConfigurationsToCamelContext(hub);
            }
        }
        for (RoutesBuilder builder : builders) {
            builder.updateRoutesToCamelContext(hub);
            hub.addTemplatedRoutes(builder);
        }
        List<String> added = new ArrayList<>(runningIds());
        added.removeAll(before);
        for (String id : stoppedBefore) {
            // adding routes to the running context makes Camel start every stopped route too; in a cluster
            // those are the relays and printer queues another hub owns (found by LockLossTest): stop them again
            if (hub.getRouteController().getRouteStatus(id) == ServiceStatus.Started) {
                hub.getRouteController().stopRoute(id);
            }
        }
        for (String id : added) {
            // routes from templates are added stopped; the supervising controller leaves them so
            if (hub.getRouteController().getRouteStatus(id) != ServiceStatus.Started) {
                hub.getRouteController().startRoute(id);
            }
        }
        return added;
    }

    /** Stops and removes routes and their definitions; ids that are not there are skipped. */
    public void remove(Collection<String> routeIds) throws Exception {
        Model model = hub.getCamelContextExtension().getContextPlugin(Model.class);
        for (String id : routeIds) {
            if (hub.getRoute(id) != null) {
                hub.getRouteController().stopRoute(id);
                hub.removeRoute(id);
            }
            RouteDefinition definition = model.getRouteDefinition(id);
            if (definition != null) {
                model.removeRouteDefinition(definition);
            }
        }
    }

    /** A reloaded template replaces its previous version (Camel would keep both and use the older one). */
    private void replaceTemplates(RouteBuilder builder) throws Exception {
        Model model = hub.getCamelContextExtension().getContextPlugin(Model.class);
        for (RouteTemplateDefinition template : builder.getRouteTemplateCollection().getRouteTemplates()) {
            RouteTemplateDefinition existing = model.getRouteTemplateDefinition(template.getId());
            if (existing != null) {
                model.removeRouteTemplateDefinition(existing);
            }
        }
    }

    /** Ids of every route the hub has now, in Camel's order. */
    public Set<String> runningIds() {
        Set<String> ids = new LinkedHashSet<>();
        hub.getRoutes().forEach(r -> ids.add(r.getRouteId()));
        return ids;
    }
}
