package io.linehub.print;

/** A piece of a parsed template: literal ZPL or a placeholder that renders job data. */
sealed interface Segment permits Literal, TextField, Gs1Field, CopiesField {

    /** Appends this segment's ZPL for one job to {@code out}. */
    void render(FieldValues fields, int copies, String template, StringBuilder out);
}
