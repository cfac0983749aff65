package io.linehub.ops;

import io.linehub.print.PrinterQueue;

/** A printer queue's status text as one of the few words an operator and a dashboard go by. */
public final class PrinterState {

    private PrinterState() {
    }

    /** ready, paused, paper out, head open, silent, unreachable, not ready (another condition) or unknown. */
    public static String of(String detail) {
        if (detail == null || "unknown".equals(detail)) {
            return "unknown";
        }
        if ("ready".equals(detail)) {
            return "ready";
        }
        if (PrinterQueue.PAUSED.equals(detail)) {
            return "paused";
        }
        if (detail.startsWith("unreachable")) {
            return "unreachable";
        }
        if (detail.contains("no answer to ~HS")) {
            return "silent";
        }
        // the first blocking condition is the one to fix first; HostStatus names paper out before paused
        for (String condition : new String[] {"paper out", "paused", "head open"}) {
            if (detail.contains(condition)) {
                return condition;
            }
        }
        return "not ready";
    }
}
