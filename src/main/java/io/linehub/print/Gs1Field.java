package io.linehub.print;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@code {{gs1datamatrix:...}}} or {@code {{gs1128:...}}} placeholder: validates the bound job fields as GS1 data
 * and renders {@code ^FD} with the symbology's field data, elements in template order, absent optional ones left out.
 */
record Gs1Field(Symbology symbology, List<Binding> bindings) implements Segment {

    /** The barcode a GS1 placeholder feeds, with its placeholder kind and field-data encoder. */
    enum Symbology {
        DATAMATRIX("gs1datamatrix", Gs1DataMatrixData::encode),
        GS1_128("gs1128", Gs1128Data::encode);

        private final String kind;
        private final Function<List<Gs1Element>, String> encoder;

        Symbology(String kind, Function<List<Gs1Element>, String> encoder) {
            this.kind = kind;
            this.encoder = encoder;
        }

        String kind() {
            return kind;
        }
    }

    /** {@code ai=field} or {@code ai=field?} from the placeholder. */
    record Binding(String ai, String field, boolean optional) {
    }

    Gs1Field {
        bindings = List.copyOf(bindings);
    }

    @Override
    public void render(FieldValues fields, int copies, String template, StringBuilder out) {
        List<Gs1Element> elements = new ArrayList<>();
        for (Binding binding : bindings) {
            String value = binding.optional() ? fields.get(binding.field())
                : fields.require(binding.field(), "AI (" + binding.ai() + ") in the " + symbology.kind()
                    + " of template '" + template + "'");
            if (value != null) {
                elements.add(Gs1Element.of(binding.ai(), value, binding.field()));
            }
        }
        try {
            out.append("^FD").append(symbology.encoder.apply(elements));
        } catch (IllegalArgumentException e) {
            String names = bindings.stream().map(Binding::field).collect(Collectors.joining(","));
            throw new LabelDataException(names, e.getMessage());
        }
    }
}
