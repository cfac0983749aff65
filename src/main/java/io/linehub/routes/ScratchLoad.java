package io.linehub.routes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.RouteConfigurationsBuilder;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Loads a route file's content into a scratch context as the hub would load it (YAML DSL, route templates,
 * templated routes), reporting what does not parse or names a template that does not exist.
 */
final class ScratchLoad {

    /** The routes the file makes, by id, each with the line it is declared on in the file. */
    record Loaded(Map<String, RouteDefinition> routes, Map<String, Integer> lines, Set<String> fromTemplates) {
    }

    private static final Pattern MISSING_PARAMETERS = Pattern.compile("mandatory parameters must be provided: (.*)");

    private final ScratchContext scratch;
    private final ProblemList problems;

    ScratchLoad(ScratchContext scratch, ProblemList problems) {
        this.scratch = scratch;
        this.problems = problems;
    }

    Optional<Loaded> load(Path file, byte[] content) {
        if (!YamlText.check(new String(content, StandardCharsets.UTF_8), problems)) {
            return Optional.empty();
        }
        Resource resource = ResourceHelper.fromBytes(RoutePaths.location(file), content);
        List<RouteBuilder> builders = new ArrayList<>();
        try {
            for (RoutesBuilder b : PluginHelper.getRoutesLoader(scratch.camel()).findRoutesBuilders(List.of(resource))) {
                RouteBuilder builder = (RouteBuilder) b;
                builder.configureRoutes(scratch.camel());
                builders.add(builder);
            }
        } catch (Exception e) {
            notLoadable(e);
            return Optional.empty();
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        if (!uniqueIds(builders, lines)) {
            return Optional.empty();
        }
        Set<String> fromTemplates = new HashSet<>();
        try {
            Set<String> ownTemplates = new HashSet<>();
            builders.forEach(b -> b.getRouteTemplateCollection().getRouteTemplates()
                    .forEach(t -> ownTemplates.add(t.getId())));
            scratch.adoptTemplates(ownTemplates);
            for (RouteBuilder builder : builders) {
                if (builder instanceof RouteConfigurationsBuilder configurations) {
                    scratch.camel().addRoutesConfigurations(configurations);
                }
                scratch.camel().addRoutes(builder);
            }
            for (RouteBuilder builder : builders) {
                for (TemplatedRouteDefinition templated : builder.getTemplatedRouteCollection().getTemplatedRoutes()) {
                    if (addTemplated(templated, lines.getOrDefault(templated.getRouteId(), 1))) {
                        fromTemplates.add(templated.getRouteId());
                    }
                }
            }
        } catch (Exception e) {
            notLoadable(e);
            return Optional.empty();
        }
        Map<String, RouteDefinition> routes = new LinkedHashMap<>();
        for (RouteDefinition route : scratch.model().getRouteDefinitions()) {
            routes.put(route.getRouteId(), route);
        }
        return Optional.of(new Loaded(routes, lines, fromTemplates));
    }

    /** Route ids must be set (a reload replaces routes by id) and unique within the file. */
    private boolean uniqueIds(List<RouteBuilder> builders, Map<String, Integer> lines) {
        int before = problems.size();
        int cursor = 1;
        for (RouteBuilder builder : builders) {
            for (RouteDefinition route : builder.getRouteCollection().getRoutes()) {
                int line = Math.max(1, route.getLineNumber());
                if (!route.hasCustomIdAssigned()) {
                    problems.add(line, "route has no id: give it one (id: ...) so it can be replaced and audited");
                } else if (lines.putIfAbsent(route.getRouteId(), line) != null) {
                    problems.addAt(route.getRouteId(), line, "route id '" + route.getRouteId()
                            + "' is used twice in this file (first on line " + lines.get(route.getRouteId()) + ")");
                }
            }
            for (TemplatedRouteDefinition templated : builder.getTemplatedRouteCollection().getTemplatedRoutes()) {
                // templated routes carry no line: the n-th "templatedRoute" in the text is the n-th definition
                int line = problems.source().lineOf("templatedRoute", cursor);
                cursor = line + 1;
                String id = templated.getRouteId();
                if (id == null || id.isBlank()) {
                    problems.add(line, "templatedRoute of '" + templated.getRouteTemplateRef()
                            + "' has no routeId: give it one so it can be replaced and audited");
                } else if (lines.putIfAbsent(id, line) != null) {
                    problems.addAt(id, line, "route id '" + id + "' is used twice in this file (first on line "
                            + lines.get(id) + ")");
                }
            }
        }
        return problems.size() == before;
    }

    private boolean addTemplated(TemplatedRouteDefinition templated, int line) {
        String ref = templated.getRouteTemplateRef();
        if (ref == null || scratch.model().getRouteTemplateDefinition(ref) == null) {
            problems.addAt(ref, line, "route template '" + ref + "' does not exist (known templates: "
                    + templateIds(scratch.model().getRouteTemplateDefinitions()) + ")");
            return false;
        }
        try {
            scratch.model().addRouteFromTemplatedRoute(templated);
            return true;
        } catch (Exception e) {
            Matcher missing = MISSING_PARAMETERS.matcher(CamelErrors.allMessages(e));
            if (missing.find()) {
                problems.add(line, "route template '" + ref + "' needs the parameters: " + missing.group(1).trim());
            } else {
                CamelErrors.Wording wording = CamelErrors.describe(e);
                problems.addAt(wording.token(), line, "route template '" + ref + "': " + wording.message());
            }
            return false;
        }
    }

    private void notLoadable(Exception e) {
        var yaml = CamelErrors.yaml(e);
        if (yaml.isPresent()) {
            problems.add(CamelErrors.yamlLine(yaml.get()), YamlDslWording.of(yaml.get()));
        } else {
            CamelErrors.Wording wording = CamelErrors.describe(e);
            problems.addAt(wording.token(), 1, wording.message());
        }
    }

    private static String templateIds(Collection<RouteTemplateDefinition> templates) {
        Set<String> ids = new TreeSet<>();
        templates.forEach(t -> ids.add(t.getId()));
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }
}
