package io.linehub.print;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A ZPL label format with named placeholders, parsed once and rendered per print job (immutable, thread-safe).
 *
 * <p>Placeholders are written {@code {{...}}}; braces are not ZPL prefixes, so they cannot clash with commands.
 * Field names are {@code [A-Za-z][A-Za-z0-9_]*}; a job field that is missing, null or empty is <em>absent</em>.
 * <ul>
 * <li>{@code {{text:product}}}, {@code {{text:"GTIN: " gtin}}}, {@code {{text:product " – Lot " lot}}}: renders
 *     {@code ^FH_^FD} and the hex-escaped ({@link ZplEscaper}) concatenation of quoted text and fields. Any Unicode
 *     is accepted. {@code name?} marks a field optional: if it is absent the placeholder renders nothing, leaving an
 *     empty field. Must sit in a field without a barcode command and be followed directly by {@code ^FS}.</li>
 * <li>{@code {{gs1datamatrix:01=gtin,17=expiry,10=lot?,21=serial}}}: renders {@code ^FD} and
 *     {@link Gs1DataMatrixData GS1 DataMatrix data} for a {@code ^BX...,200,...,_} in the same field;
 *     {@code {{gs1128:00=sscc}}} renders {@code ^FD} and {@link Gs1128Data GS1-128 data} for a {@code ^BC} (mode N
 *     or A, no UCC check digit). Elements go in the order written, absent optional ({@code ?}) ones left out; each
 *     value is validated for its AI (character set 82 or digits, length, check digit, date), see
 *     {@link Gs1Element#of}.</li>
 * <li>{@code {{copies}}}: the copy count, right after {@code ^PQ}.</li>
 * <li>{@code {{# comment #}}}: dropped; one that starts a line takes the line break after it along. It may
 *     span lines and show placeholder examples.</li>
 * </ul>
 * The template itself must not contain {@code ^FD}, {@code ^FV}, {@code ^FH} or prefix-changing commands: all field
 * data comes from placeholders, so escaping cannot be forgotten. Every {@code ^XA} must be followed by
 * {@code ^CI28}, the only {@code ^CI} allowed; the renderer checks this rather than inserting it, so the template
 * file shows exactly what the printer receives. Template mistakes raise {@link LabelTemplateException} in
 * {@link #parse}; job data mistakes raise {@link LabelDataException} in {@link #render}.
 */
public final class LabelTemplate {

    /** The {@code ^PQ} quantity range. */
    public static final int MAX_COPIES = 99_999_999;

    private final String name;
    private final List<Segment> segments;
    private final boolean hasCopies;

    private LabelTemplate(String name, List<Segment> segments) {
        this.name = name;
        this.segments = List.copyOf(segments);
        this.hasCopies = segments.stream().anyMatch(CopiesField.class::isInstance);
    }

    /**
     * Parses and checks template source {@code zpl}.
     *
     * @throws LabelTemplateException naming the problem (and line, for placeholders)
     */
    public static LabelTemplate parse(String name, String zpl) {
        Objects.requireNonNull(name, "name");
        List<Segment> segments = new ArrayList<>();
        List<ZplStructure.Slot> slots = new ArrayList<>();
        StringBuilder skeleton = new StringBuilder();
        for (TemplateScanner.Piece piece : TemplateScanner.scan(name, Objects.requireNonNull(zpl, "zpl"))) {
            if (!piece.placeholder()) {
                segments.add(new Literal(piece.text()));
                skeleton.append(piece.text());
                continue;
            }
            Segment segment = PlaceholderParser.parse(name, piece.text(), piece.line());
            segments.add(segment);
            slots.add(new ZplStructure.Slot(skeleton.length(), segment, piece.line()));
            skeleton.append(ZplStructure.SLOT);
        }
        ZplStructure.check(name, skeleton.toString(), slots);
        return new LabelTemplate(name, segments);
    }

    public String name() {
        return name;
    }

    /** The fields a job must supply (required somewhere in the template). */
    public Set<String> requiredFields() {
        return fields(true);
    }

    /** The fields the template uses only optionally. */
    public Set<String> optionalFields() {
        Set<String> optional = new TreeSet<>(fields(false));
        optional.removeAll(fields(true));
        return Collections.unmodifiableSet(optional);
    }

    /**
     * The whole format for one job, as UTF-8 bytes ready for the printer.
     *
     * @param fields job fields by name; fields the template does not use are ignored
     * @param copies the {@code ^PQ} quantity, 1 to {@link #MAX_COPIES}
     * @throws LabelDataException naming the field that is missing or would make an invalid barcode, or
     *                            {@code copies} when out of range or the template has no {@code {{copies}}}
     */
    public byte[] render(Map<String, String> fields, int copies) {
        if (copies < 1 || copies > MAX_COPIES) {
            throw new LabelDataException("copies", copies + " is outside 1.." + MAX_COPIES);
        }
        if (copies != 1 && !hasCopies) {
            throw new LabelDataException("copies", "template '" + name + "' has no {{copies}} placeholder, so it"
                + " cannot print " + copies + " copies");
        }
        FieldValues values = new FieldValues(Objects.requireNonNull(fields, "fields"));
        StringBuilder out = new StringBuilder(512);
        for (Segment segment : segments) {
            segment.render(values, copies, name, out);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Set<String> fields(boolean required) {
        Set<String> names = new TreeSet<>();
        for (Segment segment : segments) {
            if (segment instanceof TextField text) {
                text.parts().stream().filter(TextField.FieldRef.class::isInstance).map(TextField.FieldRef.class::cast)
                    .filter(ref -> ref.optional() != required).forEach(ref -> names.add(ref.name()));
            } else if (segment instanceof Gs1Field gs1) {
                gs1.bindings().stream().filter(b -> b.optional() != required).forEach(b -> names.add(b.field()));
            }
        }
        return Collections.unmodifiableSet(names);
    }

    @Override
    public String toString() {
        return "LabelTemplate[" + name + "]";
    }
}
