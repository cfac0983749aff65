package io.linehub.scan;

import io.linehub.rules.Decision;
import io.linehub.rules.SerialSnapshot;

/** A decided scan, ready to be recorded: what was read, what master data said, and the decision. */
public record ScanOutcome(InterpretedScan scan, SerialSnapshot serial, Decision decision) {
}
