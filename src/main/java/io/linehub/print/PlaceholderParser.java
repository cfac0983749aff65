package io.linehub.print;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the body of one {@code {{...}}} placeholder into the segment that renders it. */
final class PlaceholderParser {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern BINDING = Pattern.compile("(\\d{2,4})=([A-Za-z][A-Za-z0-9_]*)(\\??)");
    private static final String KINDS = "{{copies}}, {{text:...}}, {{gs1datamatrix:...}}, {{gs1128:...}}";

    private final String template;
    private final int line;

    private PlaceholderParser(String template, int line) {
        this.template = template;
        this.line = line;
    }

    static Segment parse(String template, String body, int line) {
        return new PlaceholderParser(template, line).parse(body.strip());
    }

    private Segment parse(String body) {
        if (body.equals("copies")) {
            return new CopiesField();
        }
        int colon = body.indexOf(':');
        String kind = colon < 0 ? body : body.substring(0, colon).strip();
        String spec = colon < 0 ? "" : body.substring(colon + 1);
        return switch (kind) {
            case "text" -> new TextField(textParts(spec));
            case "gs1datamatrix" -> new Gs1Field(Gs1Field.Symbology.DATAMATRIX, bindings(spec));
            case "gs1128" -> new Gs1Field(Gs1Field.Symbology.GS1_128, bindings(spec));
            default -> throw error("unknown placeholder {{" + body + "}}; known kinds: " + KINDS);
        };
    }

    private List<TextField.Part> textParts(String spec) {
        List<TextField.Part> parts = new ArrayList<>();
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = spec.indexOf('"', i + 1);
                if (end < 0) {
                    throw error("unterminated \"...\" in {{text:" + spec + "}}");
                }
                parts.add(new TextField.Fixed(spec.substring(i + 1, end)));
                i = end + 1;
            } else {
                Matcher name = FIELD.matcher(spec).region(i, spec.length());
                if (!name.lookingAt()) {
                    throw error("expected a field name or \"text\" at '" + spec.substring(i)
                        + "' in {{text:" + spec + "}}");
                }
                boolean optional = name.end() < spec.length() && spec.charAt(name.end()) == '?';
                parts.add(new TextField.FieldRef(name.group(), optional));
                i = name.end() + (optional ? 1 : 0);
            }
        }
        if (parts.isEmpty()) {
            throw error("{{text:}} names no field and no text");
        }
        return parts;
    }

    private List<Gs1Field.Binding> bindings(String spec) {
        List<Gs1Field.Binding> bindings = new ArrayList<>();
        Set<String> ais = new HashSet<>();
        for (String item : spec.split(",", -1)) {
            Matcher m = BINDING.matcher(item.strip());
            if (!m.matches()) {
                throw error("expected AI=field or AI=field? but found '" + item.strip() + "' in '" + spec + "'");
            }
            if (ApplicationIdentifiers.find(m.group(1)).isEmpty()) {
                throw error("AI (" + m.group(1) + ") is not supported; supported: " + ApplicationIdentifiers.all());
            }
            if (!ais.add(m.group(1))) {
                throw error("AI (" + m.group(1) + ") appears twice in '" + spec + "'");
            }
            bindings.add(new Gs1Field.Binding(m.group(1), m.group(2), !m.group(3).isEmpty()));
        }
        if (bindings.stream().allMatch(Gs1Field.Binding::optional)) {
            throw error("a barcode needs at least one required element, but every AI in '" + spec + "' is optional");
        }
        return bindings;
    }

    private LabelTemplateException error(String message) {
        return new LabelTemplateException(template, "line " + line + ": " + message);
    }
}
