package io.linehub.gs1;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The GS1 part of a Digital Link path: the rightmost primary key and its qualifiers, found by walking
 * {@code /AI/value} pairs from the right; whatever lies left of the key is the stem and is ignored.
 */
record DigitalLinkPath(AiDefinition key, List<ElementString> elements, Gs1Error error) {

    private static final int MIN_COMPRESSED_LENGTH = 10;

    static DigitalLinkPath parse(String path, AiTable table) {
        String[] segments = path.split("/", -1);
        List<ElementString> pairs = new ArrayList<>();
        AiDefinition key = null;
        for (int i = segments.length - 1; i >= 1 && key == null; i -= 2) {
            AiDefinition definition = CharacterSets.isDigits(segments[i - 1]) ? table.find(segments[i - 1]).orElse(null) : null;
            if (definition == null) {
                break;
            }
            pairs.add(new ElementString(definition.ai(), PercentDecoder.decode(segments[i], false)));
            key = definition.dlPrimaryKey() ? definition : null;
        }
        if (key == null) {
            String last = segments[segments.length - 1];
            return looksCompressed(last)
                    ? failed(Gs1Error.DL_COMPRESSED_UNSUPPORTED, "compressed GS1 Digital Link URIs are not supported")
                    : failed(Gs1Error.DL_NO_PRIMARY_KEY, "no /AI/value pair with a GS1 primary key in the path");
        }
        Collections.reverse(pairs);
        return new DigitalLinkPath(key, List.copyOf(pairs), null);
    }

    String primaryKey() {
        return key.ai();
    }

    /** Qualifiers may be left out but not reordered: they must follow one of the key's qualifier sequences. */
    Gs1Error qualifierError() {
        List<String> qualifiers = qualifiers();
        if (qualifiers.isEmpty() || key.dlQualifiers().stream().anyMatch(seq -> isSubsequence(qualifiers, seq))) {
            return null;
        }
        String allowed = key.dlQualifiers().isEmpty() ? "none"
                : String.join(" or ", key.dlQualifiers().stream().map(seq -> String.join(",", seq)).toList());
        return new Gs1Error(Gs1Error.DL_INVALID_QUALIFIER_SEQUENCE, "path " + key.ai() + "/" + String.join("/", qualifiers)
                + ": qualifiers of (" + key.ai() + ") allowed in order " + allowed);
    }

    /** True when {@code ai} could be added to this path as a qualifier, so it must not come as a query attribute. */
    boolean acceptsQualifier(String ai) {
        List<String> present = qualifiers();
        return key.dlQualifiers().stream().anyMatch(seq -> seq.contains(ai) && seq.containsAll(present));
    }

    private List<String> qualifiers() {
        return elements.subList(1, elements.size()).stream().map(ElementString::ai).toList();
    }

    private static boolean isSubsequence(List<String> candidate, List<String> sequence) {
        int next = 0;
        for (String ai : sequence) {
            if (next < candidate.size() && candidate.get(next).equals(ai)) {
                next++;
            }
        }
        return next == candidate.size();
    }

    /** A compressed DL carries its AI data as one base64url segment instead of /AI/value pairs. */
    private static boolean looksCompressed(String segment) {
        return segment.length() >= MIN_COMPRESSED_LENGTH && !CharacterSets.isDigits(segment)
                && CharacterSets.firstInvalid('Z', segment) < 0 && segment.indexOf('=') < 0;
    }

    private static DigitalLinkPath failed(String kind, String message) {
        return new DigitalLinkPath(null, List.of(), new Gs1Error(kind, message));
    }
}
