package io.linehub.print;

/** The {@code {{copies}}} placeholder: the job's copy count, written after {@code ^PQ}. */
record CopiesField() implements Segment {

    @Override
    public void render(FieldValues fields, int copies, String template, StringBuilder out) {
        out.append(copies);
    }
}
