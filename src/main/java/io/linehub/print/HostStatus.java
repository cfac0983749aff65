package io.linehub.print;

import java.util.ArrayList;
import java.util.List;

/**
 * A Zebra printer's answer to {@code ~HS}: the flags and counters of its first two status strings.
 *
 * <p>Each flag stands on its own: real printers often raise several at once (paused together with paper out), so
 * callers must never infer one flag from another. The third string (password, static RAM) carries nothing a
 * line needs and is not kept.
 *
 * @param paperOut string 1 field b
 * @param paused string 1 field c
 * @param headOpen string 2 field o ("head up")
 * @param ribbonOut string 2 field p
 * @param bufferFull string 1 field f (receive buffer full)
 * @param partialFormat string 1 field h: a format has begun ({@code ^XA}) but not ended; not blocking on its own
 * @param underTemperature string 1 field k
 * @param overTemperature string 1 field l
 * @param corruptRam string 1 field j (configuration data lost)
 * @param formatsInBuffer string 1 field eee: formats received but not yet printed
 * @param labelsRemaining string 2 field uuuuuuuu: labels still to print in the current batch
 * @param commDiagnostics string 1 field g: the printer dumps received data instead of printing it
 * @param labelLengthDots string 1 field dddd
 * @param thermalTransfer string 2 field q (0 = direct thermal)
 * @param printMode string 2 field r (0 rewind, 1 peel-off, 2 tear-off, 3 cutter, 4 applicator, ...)
 * @param labelWaiting string 2 field t: a peeled label waits to be taken
 */
public record HostStatus(boolean paperOut, boolean paused, boolean headOpen, boolean ribbonOut, boolean bufferFull,
        boolean partialFormat, boolean underTemperature, boolean overTemperature, boolean corruptRam,
        int formatsInBuffer, int labelsRemaining, boolean commDiagnostics, int labelLengthDots,
        boolean thermalTransfer, int printMode, boolean labelWaiting) {

    public HostStatus {
        if (formatsInBuffer < 0 || labelsRemaining < 0 || labelLengthDots < 0 || printMode < 0) {
            throw new IllegalArgumentException("host status counters cannot be negative");
        }
    }

    /**
     * Whether the printer can print right now: none of paper out, paused, head open, ribbon out, buffer full,
     * corrupt RAM, under or over temperature, communications diagnostics. A pending partial format, formats in
     * the buffer and a waiting peel-off label do not block.
     */
    public boolean ready() {
        return blockingConditions().isEmpty();
    }

    /** The blocking conditions as text in a fixed order, e.g. {@code "paper out, paused"}, or {@code "ready"}. */
    public String reason() {
        List<String> conditions = blockingConditions();
        return conditions.isEmpty() ? "ready" : String.join(", ", conditions);
    }

    private List<String> blockingConditions() {
        List<String> conditions = new ArrayList<>();
        add(conditions, paperOut, "paper out");
        add(conditions, paused, "paused");
        add(conditions, headOpen, "head open");
        add(conditions, ribbonOut, "ribbon out");
        add(conditions, bufferFull, "buffer full");
        add(conditions, corruptRam, "corrupt RAM");
        // a cold head prints too light for a verifier to grade the DataMatrix: as blocking as a hot one
        add(conditions, underTemperature, "under temperature");
        add(conditions, overTemperature, "over temperature");
        add(conditions, commDiagnostics, "communications diagnostics mode");
        return conditions;
    }

    private static void add(List<String> conditions, boolean raised, String text) {
        if (raised) {
            conditions.add(text);
        }
    }
}
