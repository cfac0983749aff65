package io.linehub.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The physical state of a simulated printer, combinable like on a real one (paused together with paper out).
 *
 * @param paperOut media out: formats are held in the buffer
 * @param headOpen print head up: formats are held
 * @param ribbonOut ribbon out: formats are held
 * @param paused paused from the front panel or by {@code ~PP}: formats are held
 * @param silent takes connections and bytes but never answers and prints nothing, like a real Zebra in media out
 */
public record PrinterCondition(boolean paperOut, boolean headOpen, boolean ribbonOut, boolean paused,
        boolean silent) {

    public static final PrinterCondition READY = new PrinterCondition(false, false, false, false, false);

    /** Whether labels come out: any condition holds formats in the buffer. */
    public boolean canPrint() {
        return !paperOut && !headOpen && !ribbonOut && !paused && !silent;
    }

    /**
     * Whether {@code ~HS} gets an answer. Current Zebra firmware sends none in media out, ribbon out and head open
     * (ZPL guide, ~HS); older firmware answers and raises the flags instead.
     */
    public boolean answersHostStatus(boolean realFirmware) {
        return !silent && !(realFirmware && (paperOut || headOpen || ribbonOut));
    }

    /** Short text for logs: {@code "ready"} or the raised conditions, e.g. {@code "paper out, paused"}. */
    public String describe() {
        List<String> raised = new ArrayList<>();
        if (paperOut) {
            raised.add("paper out");
        }
        if (headOpen) {
            raised.add("head open");
        }
        if (ribbonOut) {
            raised.add("ribbon out");
        }
        if (paused) {
            raised.add("paused");
        }
        if (silent) {
            raised.add("silent");
        }
        return raised.isEmpty() ? "ready" : String.join(", ", raised);
    }

    public PrinterCondition withPaperOut(boolean value) {
        return new PrinterCondition(value, headOpen, ribbonOut, paused, silent);
    }

    public PrinterCondition withHeadOpen(boolean value) {
        return new PrinterCondition(paperOut, value, ribbonOut, paused, silent);
    }

    public PrinterCondition withRibbonOut(boolean value) {
        return new PrinterCondition(paperOut, headOpen, value, paused, silent);
    }

    public PrinterCondition withPaused(boolean value) {
        return new PrinterCondition(paperOut, headOpen, ribbonOut, value, silent);
    }

    public PrinterCondition withSilent(boolean value) {
        return new PrinterCondition(paperOut, headOpen, ribbonOut, paused, value);
    }
}
