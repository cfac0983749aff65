package io.linehub.print;

/**
 * One GS1 element (AI plus data) ready to be encoded in a barcode.
 *
 * <p>Use {@link #of} for job data: it validates against the AI's format. The constructor only guarantees what
 * keeps the ZPL intact (digit AI, non-empty CSET 82 data, so never {@code ^} or {@code ~}).
 *
 * @param predefinedLength true when no FNC1 separator is needed after this element
 */
public record Gs1Element(String ai, String data, boolean predefinedLength) {

    public Gs1Element {
        if (!ai.matches("\\d{2,4}")) {
            throw new IllegalArgumentException("AI must be 2 to 4 digits: " + ai);
        }
        if (data.isEmpty() || !data.chars().allMatch(c -> AiComponent.CSET82.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("GS1 data must be 1 or more characters of CSET 82");
        }
    }

    /**
     * Validates {@code data} against the format of {@code ai} (character set, length, check digit, date).
     *
     * @param field the job field the data came from, named in the exception
     * @throws LabelDataException       if the data would make an invalid barcode
     * @throws IllegalArgumentException if {@code ai} is not one labels support
     */
    public static Gs1Element of(String ai, String data, String field) {
        AiFormat format = ApplicationIdentifiers.find(ai)
            .orElseThrow(() -> new IllegalArgumentException("AI (" + ai + ") is not supported on labels"));
        String problem = format.problem(data);
        if (problem != null) {
            throw new LabelDataException(field, "not valid as GS1 AI (" + ai + "): " + problem);
        }
        return new Gs1Element(ai, data, format.predefinedLength());
    }
}
