package io.linehub.print;

/**
 * Checks the ZPL around one placeholder: copies follow {@code ^PQ}; a field placeholder closes its field with
 * {@code ^FS}, text goes in a non-barcode field, GS1 data in a {@code ^BX}/{@code ^BC} set up to read it.
 */
final class SlotContext {

    // a command's parameters run until the next command or placeholder
    private static final String PARAMETER_END = "^~" + ZplStructure.SLOT;

    private final String template;
    private final String skeleton;
    private final ZplStructure.Slot slot;
    private final int formatStart;

    SlotContext(String template, String skeleton, ZplStructure.Slot slot, int formatStart) {
        this.template = template;
        this.skeleton = skeleton;
        this.slot = slot;
        this.formatStart = formatStart;
    }

    void check() {
        int at = slot.at();
        if (slot.segment() instanceof CopiesField) {
            require(skeleton.regionMatches(true, at - 3, "^PQ", 0, 3), "{{copies}} must directly follow ^PQ");
            return;
        }
        require(skeleton.regionMatches(true, at + 1, "^FS", 0, 3),
            "a field placeholder must be followed directly by ^FS, which ends its data");
        int barcodeStart = lastBarcodeCommand(fieldStart(at), at);
        String barcode = barcodeStart < 0 ? null : ZplStructure.commandAt(skeleton, barcodeStart);
        if (slot.segment() instanceof TextField) {
            require(barcode == null, "{{text:...}} in a " + barcode + " field; text fields are for human-readable"
                + " text (barcode data would be misread: ^BC takes '>' as invocation code)");
        } else if (((Gs1Field) slot.segment()).symbology() == Gs1Field.Symbology.DATAMATRIX) {
            require("^BX".equals(barcode), "{{gs1datamatrix:...}} needs ^BX in its field");
            String[] p = parameters(barcodeStart);
            require(p.length > 6 && p[2].strip().equals("200") && p[6].equals("_"),
                "the ^BX of a {{gs1datamatrix:...}} must select ECC 200 and escape character _"
                    + " (e.g. ^BXN,8,200,0,0,,_)");
        } else {
            require("^BC".equals(barcode), "{{gs1128:...}} needs ^BC in its field");
            String[] p = parameters(barcodeStart);
            require(p.length <= 4 || p[4].isBlank() || p[4].strip().equalsIgnoreCase("N"),
                "the ^BC of a {{gs1128:...}} must not add a UCC check digit (5th parameter N)");
            require(p.length <= 5 || p[5].isBlank() || p[5].strip().matches("[NnAa]"),
                "the ^BC of a {{gs1128:...}} must use mode N or A; U and D add their own FNC1 and check digit");
        }
    }

    /** Where the field holding the placeholder starts: after the previous ^FS, placeholder or the format's ^XA. */
    private int fieldStart(int at) {
        int start = formatStart;
        for (int i = formatStart; i < at; i++) {
            if (skeleton.charAt(i) == ZplStructure.SLOT) {
                start = i + 1;
            } else if ("^FS".equals(ZplStructure.commandAt(skeleton, i))) {
                start = i + 3;
            }
        }
        return start;
    }

    /** Where the last barcode command in [from, to) starts, or -1. */
    private int lastBarcodeCommand(int from, int to) {
        int last = -1;
        for (int i = from; i < to; i++) {
            String command = ZplStructure.commandAt(skeleton, i);
            // ^BY only sets bar widths for the barcode that follows
            if (command != null && command.startsWith("^B") && !command.equals("^BY")) {
                last = i;
            }
        }
        return last;
    }

    private String[] parameters(int commandStart) {
        int end = commandStart + 3;
        while (end < skeleton.length() && PARAMETER_END.indexOf(skeleton.charAt(end)) < 0) {
            end++;
        }
        return skeleton.substring(commandStart + 3, end).split(",", -1);
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new LabelTemplateException(template, "line " + slot.line() + ": " + message);
        }
    }
}
