package io.linehub.ops;

/** One production line at one moment: scans per second over the last 10 s and today's outcomes. */
public record LineFigures(String line, double scansPerSecond, long scans, long accepted, long rejected) {
}
