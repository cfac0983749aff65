package io.linehub.routes;

import io.linehub.routes.CamelErrors.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.URISupport;

/**
 * Creates one endpoint of a route in the scratch context, the way Camel does when it builds the route: the
 * component must exist and take every option with a value of the right type. Nothing is started, so nothing
 * connects or listens.
 */
final class EndpointProbe {

    private static final Pattern UNKNOWN_OPTIONS = Pattern.compile("Unknown parameters=\\[\\{(.*)}]");
    private static final Pattern BAD_VALUE = Pattern.compile("Error binding property \\(([^=]+)=(.*?)\\) with name");

    private final ScratchContext scratch;

    EndpointProbe(ScratchContext scratch) {
        this.scratch = scratch;
    }

    /**
     * What is wrong with the endpoint written as {@code uri}, each with the word to find its line by.
     *
     * @param templateParameters a templated route's parameters, which its {{placeholders}} resolve first
     */
    List<Wording> problems(String uri, Map<String, Object> templateParameters) {
        String shown = shortForm(uri);
        String resolved;
        PropertiesComponent properties = scratch.camel().getPropertiesComponent();
        try {
            if (templateParameters != null) {
                Properties local = new Properties();
                local.putAll(templateParameters);
                properties.setLocalProperties(local);
            }
            resolved = scratch.camel().resolvePropertyPlaceholders(uri);
        } catch (RuntimeException e) {
            return List.of(CamelErrors.describe(e));
        } finally {
            properties.setLocalProperties(null);
        }
        String scheme = StringHelper.before(resolved, ":");
        if (scheme == null || scheme.isBlank()) {
            return List.of(new Wording("endpoint '" + shown + "' names no component (scheme:...)", uri));
        }
        if ("kamelet".equals(scheme)) {
            return kamelet(resolved);
        }
        Component component;
        try {
            component = scratch.camel().getComponent(scheme);
        } catch (RuntimeException e) {
            return List.of(new Wording("component '" + scheme + "' cannot be created: " + CamelErrors.innermost(e),
                    scheme));
        }
        if (component == null) {
            return List.of(new Wording("unknown component '" + scheme + "' in endpoint '" + shown
                    + "' (the hub has no Camel component of that name)", scheme + ":"));
        }
        try {
            Endpoint endpoint = scratch.camel().getEndpoint(resolved);
            return endpoint != null ? List.of()
                    : List.of(new Wording("endpoint '" + shown + "' cannot be created", scheme + ":"));
        } catch (RuntimeException e) {
            return optionProblems(shown, e);
        }
    }

    private List<Wording> optionProblems(String shown, RuntimeException e) {
        String all = CamelErrors.allMessages(e);
        Matcher unknown = UNKNOWN_OPTIONS.matcher(all);
        if (unknown.find()) {
            List<Wording> answer = new ArrayList<>();
            for (String pair : unknown.group(1).split(", ")) {
                String option = StringHelper.before(pair, "=", pair).trim();
                answer.add(new Wording("endpoint '" + shown + "' has no option '" + option + "'", option));
            }
            return answer;
        }
        Matcher bad = BAD_VALUE.matcher(all);
        if (bad.find()) {
            String option = bad.group(1).trim();
            return List.of(new Wording("endpoint '" + shown + "': option '" + option + "' cannot take the value '"
                    + bad.group(2) + "'", option));
        }
        Wording described = CamelErrors.describe(e);
        String message = described.token() != null ? described.message()
                : "endpoint '" + shown + "' cannot be created: " + described.message();
        return List.of(new Wording(message, described.token()));
    }

    /** kamelet:name: a route template or a kamelet on the classpath must carry that name. */
    private List<Wording> kamelet(String resolved) {
        String path = StringHelper.before(StringHelper.after(resolved, ":"), "?", StringHelper.after(resolved, ":"));
        String name = StringHelper.before(path, "/", path);
        if ("source".equals(name) || "sink".equals(name)) {
            return List.of();
        }
        boolean template = scratch.model().getRouteTemplateDefinition(name) != null;
        boolean onClasspath = getClass().getClassLoader().getResource("kamelets/" + name + ".kamelet.yaml") != null;
        if (!template && !onClasspath) {
            return List.of(new Wording("kamelet '" + name + "' is not known: the hub has no route template "
                    + "or kamelet of that name", name));
        }
        if (scratch.camel().getComponent("kamelet") == null) {
            return List.of(new Wording("kamelet '" + name + "' cannot run: the hub has no kamelet component "
                    + "(camel-kamelet)", name));
        }
        try {
            scratch.camel().getEndpoint(resolved);
            return List.of();
        } catch (RuntimeException e) {
            return optionProblems(shortForm(resolved), e);
        }
    }

    /** The URI without its options, which may hold passwords and are listed in the message when relevant. */
    static String shortForm(String uri) {
        String sanitized = URISupport.sanitizeUri(uri);
        return StringHelper.before(sanitized, "?", sanitized);
    }
}
