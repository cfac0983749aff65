package io.linehub.routes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/** What Camel's YAML DSL refuses in a route file (a step or key it does not know, a wrong shape), in words. */
final class YamlDslWording {

    private static final Pattern NAMED = Pattern.compile("^(Unknown node id|Unsupported field): (\\S+)");
    private static final Pattern SHAPE = Pattern.compile("Node type (\\w+) is invalid, expected (\\w+)");

    private YamlDslWording() {
    }

    static String of(MarkedYamlEngineException e) {
        String text = CamelErrors.yamlMessage(e);
        Matcher named = NAMED.matcher(text);
        if (named.find()) {
            return named.group(1).startsWith("Unknown")
                    ? "unknown step '" + named.group(2) + "': not a Camel EIP or YAML DSL element"
                    : "unknown key '" + named.group(2) + "' for this step";
        }
        Matcher shape = SHAPE.matcher(text);
        if (shape.find()) {
            return "wrong YAML shape: a " + shapeName(shape.group(1)) + " where a " + shapeName(shape.group(2))
                    + " belongs";
        }
        return text;
    }

    private static String shapeName(String nodeType) {
        return switch (nodeType) {
            case "map", "MAPPING" -> "mapping (key: value)";
            case "array", "SEQUENCE" -> "list (- item)";
            case "scalar", "SCALAR" -> "single value";
            default -> nodeType;
        };
    }
}
