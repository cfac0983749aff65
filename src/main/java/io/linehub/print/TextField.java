package io.linehub.print;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@code {{text:...}}} placeholder: renders {@code ^FH_^FD} and the hex-escaped concatenation of its parts, or
 * nothing at all when an optional field among them is absent.
 */
record TextField(List<Part> parts) implements Segment {

    /** ZPL's limit on the bytes of one {@code ^FD}; checked on the escaped form, which is what is sent. */
    static final int MAX_FIELD_BYTES = 3072;

    /** Fixed text from the template, or a reference to a job field. */
    sealed interface Part permits Fixed, FieldRef {
    }

    /** Text written in the template between double quotes. */
    record Fixed(String text) implements Part {
    }

    /** A job field; {@code optional} fields written {@code name?} blank the whole placeholder when absent. */
    record FieldRef(String name, boolean optional) implements Part {
    }

    TextField {
        parts = List.copyOf(parts);
    }

    @Override
    public void render(FieldValues fields, int copies, String template, StringBuilder out) {
        StringBuilder escaped = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Fixed fixed) {
                escaped.append(ZplEscaper.escape(fixed.text()));
                continue;
            }
            FieldRef ref = (FieldRef) part;
            String value = ref.optional() ? fields.get(ref.name())
                : fields.require(ref.name(), "a text field of template '" + template + "'");
            if (value == null) {
                return;
            }
            try {
                escaped.append(ZplEscaper.escape(value));
            } catch (IllegalArgumentException e) {
                throw new LabelDataException(ref.name(), e.getMessage());
            }
        }
        if (escaped.length() > MAX_FIELD_BYTES) {
            throw new LabelDataException(firstField(), "text is " + escaped.length() + " bytes once escaped; ZPL field"
                + " data is limited to " + MAX_FIELD_BYTES);
        }
        out.append("^FH").append(ZplEscaper.INDICATOR).append("^FD").append(escaped);
    }

    private String firstField() {
        return parts.stream().filter(FieldRef.class::isInstance).map(p -> ((FieldRef) p).name())
            .findFirst().orElse("text");
    }
}
