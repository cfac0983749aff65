package io.linehub.print;

/** Template ZPL copied to the output unchanged. */
record Literal(String zpl) implements Segment {

    @Override
    public void render(FieldValues fields, int copies, String template, StringBuilder out) {
        out.append(zpl);
    }
}
