package io.linehub.ops;

/**
 * One printer at one moment.
 *
 * @param status one of ready, paper out, head open, paused, silent, unreachable, unknown, not ready
 * @param detail the queue's own wording, e.g. {@code "not ready: paper out, head open"}
 */
public record PrinterFigures(String id, String line, String status, String detail, boolean paused, long queueDepth,
                             long printed, long failed) {
}
