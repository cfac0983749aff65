package io.linehub.print;

import java.util.Map;
import java.util.Objects;

/** Renders a print job (template name, fields, copies) to the ZPL bytes for the printer. */
public final class LabelRenderer {

    private final LabelTemplates templates;

    public LabelRenderer(LabelTemplates templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /**
     * @throws LabelDataException for an unknown template (field {@code template}) or unusable job fields
     */
    public byte[] render(String template, Map<String, String> fields, int copies) {
        LabelTemplate found = templates.find(template).orElseThrow(() -> new LabelDataException("template",
            "unknown label template '" + template + "'; known: " + templates.names()));
        return found.render(fields, copies);
    }
}
