package io.linehub.print;

/** A print job's data cannot be put on a label: a field is missing, malformed or would make an invalid barcode. */
public class LabelDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the job field (or job property such as {@code copies} or {@code template}) at fault, so callers
     *              can report it back to whoever sent the job
     */
    public LabelDataException(String field, String message) {
        super("field '" + field + "': " + message);
        this.field = field;
    }

    /** The name of the offending job field. */
    public String field() {
        return field;
    }
}
