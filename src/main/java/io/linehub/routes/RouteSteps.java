package io.linehub.routes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.CircuitBreakerDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.model.TryDefinition;

/**
 * The steps of a route definition that name something outside the file: endpoints (from, to, static toD and
 * wireTap) and beans, each with the line of its step. Nested steps of choice, doTry and circuitBreaker too.
 */
final class RouteSteps {

    /** An endpoint URI as written (placeholders unresolved), on the line of its step. */
    record EndpointUse(String uri, int line) {
    }

    /** A bean named by a bean step, on the line of its step. */
    record BeanUse(String name, int line) {
    }

    /** A step as Camel prints it in errors ("Bean[ref:x method:y]"), its YAML name and its line. */
    record Step(String text, String name, int line) {
    }

    private final List<EndpointUse> endpoints = new ArrayList<>();
    private final List<BeanUse> beans = new ArrayList<>();
    private final List<Step> all = new ArrayList<>();

    private RouteSteps() {
    }

    static RouteSteps of(RouteDefinition route) {
        RouteSteps steps = new RouteSteps();
        int routeLine = route.getLineNumber();
        if (route.getInput() != null && route.getInput().getEndpointUri() != null) {
            int line = route.getInput().getLineNumber();
            steps.endpoints.add(new EndpointUse(route.getInput().getEndpointUri(), line > 0 ? line : routeLine));
        }
        Set<ProcessorDefinition<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        steps.walk(route.getOutputs(), routeLine, seen);
        return steps;
    }

    List<EndpointUse> endpoints() {
        return List.copyOf(endpoints);
    }

    List<BeanUse> beans() {
        return List.copyOf(beans);
    }

    /** The step Camel names in a build error (its {@code >>> text <<<}), if it is one of this route's. */
    Optional<Step> step(String text) {
        return all.stream().filter(s -> s.text().equals(text)).findFirst();
    }

    private void walk(List<?> outputs, int parentLine, Set<ProcessorDefinition<?>> seen) {
        if (outputs == null) {
            return;
        }
        for (Object output : outputs) {
            if (!(output instanceof ProcessorDefinition<?> step) || !seen.add(step)) {
                continue;
            }
            int line = step.getLineNumber() > 0 ? step.getLineNumber() : parentLine;
            all.add(new Step(String.valueOf(step), step.getShortName(), line));
            note(step, line);
            walk(step.getOutputs(), line, seen);
            // these keep some of their branches outside getOutputs()
            if (step instanceof ChoiceDefinition choice) {
                walk(choice.getWhenClauses(), line, seen);
                if (choice.getOtherwise() != null) {
                    walk(List.of(choice.getOtherwise()), line, seen);
                }
            } else if (step instanceof TryDefinition doTry) {
                walk(doTry.getCatchClauses(), line, seen);
                if (doTry.getFinallyClause() != null) {
                    walk(List.of(doTry.getFinallyClause()), line, seen);
                }
            } else if (step instanceof CircuitBreakerDefinition breaker && breaker.getOnFallback() != null) {
                walk(List.of(breaker.getOnFallback()), line, seen);
            }
        }
    }

    private void note(ProcessorDefinition<?> step, int line) {
        if (step instanceof SendDefinition<?> send && send.getEndpointUri() != null) {
            endpoints.add(new EndpointUse(send.getEndpointUri(), line));
        } else if (step instanceof ToDynamicDefinition dynamic && isStatic(dynamic.getUri())) {
            // a toD/wireTap without expressions is a plain endpoint and can be checked like one
            endpoints.add(new EndpointUse(dynamic.getUri(), line));
        } else if (step instanceof BeanDefinition bean && bean.getRef() != null) {
            beans.add(new BeanUse(beanName(bean.getRef()), line));
        }
    }

    private static boolean isStatic(String uri) {
        return uri != null && !uri.contains("${") && !uri.contains("$simple{");
    }

    /** {@code bean: ref: x} also accepts {@code #x} and {@code #bean:x}. */
    static String beanName(String ref) {
        String name = ref.trim();
        if (name.startsWith("#bean:")) {
            return name.substring("#bean:".length());
        }
        return name.startsWith("#") ? name.substring(1) : name;
    }
}
