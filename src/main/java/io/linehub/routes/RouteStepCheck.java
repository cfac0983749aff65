package io.linehub.routes;

import io.linehub.routes.CamelErrors.Wording;
import java.util.Optional;
import java.util.Properties;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.reifier.RouteReifier;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Checks one route of a loaded file: its route configurations, the beans and endpoints its steps name, and
 * finally that Camel can build it (processors, expressions, references) without starting it.
 */
final class RouteStepCheck {

    private final ScratchContext scratch;
    private final EndpointProbe endpoints;
    private final ProblemList problems;

    RouteStepCheck(ScratchContext scratch, ProblemList problems) {
        this.scratch = scratch;
        this.endpoints = new EndpointProbe(scratch);
        this.problems = problems;
    }

    /**
     * @param declaredLine where the route is declared in the file
     * @param fromTemplate its steps come from a template in another file: their lines do not apply here
     */
    void check(RouteDefinition route, int declaredLine, boolean fromTemplate) {
        int before = problems.size();
        String prefix = fromTemplate ? "route '" + route.getRouteId() + "' (from its template): " : "";
        configurations(route, declaredLine);
        RouteSteps steps = RouteSteps.of(route);
        for (RouteSteps.BeanUse bean : steps.beans()) {
            if (scratch.camel().getRegistry().lookupByName(bean.name()) == null) {
                place(new Wording(prefix + "bean '" + bean.name() + "' is not in the registry", bean.name()),
                        fromTemplate ? declaredLine : bean.line());
            }
        }
        for (RouteSteps.EndpointUse endpoint : steps.endpoints()) {
            for (Wording problem : endpoints.problems(endpoint.uri(), route.getTemplateParameters())) {
                place(new Wording(prefix + problem.message(), problem.token()),
                        fromTemplate ? declaredLine : endpoint.line());
            }
        }
        if (problems.size() == before) {
            build(route, steps, fromTemplate ? declaredLine : Math.max(declaredLine, route.getLineNumber()), prefix,
                    fromTemplate);
        }
    }

    private void configurations(RouteDefinition route, int line) {
        String ids = route.getRouteConfigurationId();
        if (ids == null) {
            return;
        }
        for (String id : ids.split(",")) {
            String trimmed = id.trim();
            // patterns may match nothing on purpose; a plain id that matches nothing is a typo
            if (!trimmed.isEmpty() && !trimmed.contains("*") && !scratch.hasRouteConfiguration(trimmed)) {
                problems.addAt(trimmed, line, "route configuration '" + trimmed + "' does not exist");
            }
        }
    }

    /** Camel builds the route as it would in the hub; a failure is reported without the route dump. */
    private void build(RouteDefinition route, RouteSteps steps, int line, String prefix, boolean fromTemplate) {
        PropertiesComponent properties = scratch.camel().getPropertiesComponent();
        try {
            // as the hub does for templated routes: their {{parameters}} resolve from the template's values
            if (route.getTemplateParameters() != null) {
                Properties local = new Properties();
                local.putAll(route.getTemplateParameters());
                properties.setLocalProperties(local);
            }
            new RouteReifier(scratch.camel(), route).createRoute();
        } catch (RuntimeException e) {
            Wording wording = CamelErrors.describe(e);
            // Camel names the step it failed on (">>> Bean[...] <<<"): report it on that step's line
            Optional<RouteSteps.Step> step = CamelErrors.failedStep(e).flatMap(steps::step);
            String message = step.map(s -> s.name() + " step: ").orElse("") + wording.message();
            int at = step.filter(s -> !fromTemplate).map(RouteSteps.Step::line).orElse(line);
            place(new Wording(prefix + message, wording.token()), at);
        } finally {
            properties.setLocalProperties(null);
        }
    }

    private void place(Wording wording, int line) {
        problems.addAt(wording.token(), line, wording.message());
    }
}
