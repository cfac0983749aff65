package io.linehub.routes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.NoSuchBeanException;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/** Turns what Camel throws into a sentence for a plant engineer, and the token to find its line by. */
final class CamelErrors {

    /** A problem in words, and the word in the file it is about (null: place it on the step's line). */
    record Wording(String message, String token) {
    }

    private static final Pattern FAILED_STEP = Pattern.compile(" at: >>> (.*?) <<< in route");
    private static final Pattern OBJECT_HASH = Pattern.compile("@[0-9a-f]{5,}\\b");
    private static final Pattern MISSING_PROPERTY = Pattern.compile("Property with key \\[([^]]+)] not found");

    private CamelErrors() {
    }

    /** The step a route failed to build at, as Camel prints it between ">>>" and "<<<". */
    static Optional<String> failedStep(Throwable e) {
        Matcher step = FAILED_STEP.matcher(allMessages(e));
        return step.find() ? Optional.of(step.group(1)) : Optional.empty();
    }

    static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** The YAML parser's or the YAML DSL's complaint, which knows its line (snakeyaml counts from 0). */
    static Optional<MarkedYamlEngineException> yaml(Throwable e) {
        return find(e, MarkedYamlEngineException.class);
    }

    static int yamlLine(MarkedYamlEngineException e) {
        return e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(1);
    }

    /** "expected <block end>, but found ..." plus what the parser was in, without its own file excerpt. */
    static String yamlMessage(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem().trim();
        String context = e.getContext() == null ? "" : e.getContext().trim();
        String text = context.isEmpty() ? problem : problem.isEmpty() ? context : context + ": " + problem;
        int snippet = text.indexOf("\n in ");
        return (snippet >= 0 ? text.substring(0, snippet) : text).replace('\n', ' ').trim();
    }

    static Wording describe(Throwable e) {
        Optional<NoSuchBeanException> bean = find(e, NoSuchBeanException.class);
        if (bean.isPresent() && bean.get().getName() != null) {
            return new Wording("bean '" + bean.get().getName() + "' is not in the registry", bean.get().getName());
        }
        Matcher property = MISSING_PROPERTY.matcher(allMessages(e));
        if (property.find()) {
            return new Wording("property '" + property.group(1) + "' is not set (in config/application.properties, "
                    + "the profile's file, -D or the environment)", property.group(1));
        }
        return new Wording(innermost(e), null);
    }

    /** The most specific message in the chain: Camel's wrappers repeat it with a route dump around it. */
    static String innermost(Throwable e) {
        String message = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        // object identities (Foo@1b2c3d) mean nothing to a reader and change on every run
        return OBJECT_HASH.matcher(message.replace('\n', ' ').trim()).replaceAll("");
    }

    static String allMessages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
