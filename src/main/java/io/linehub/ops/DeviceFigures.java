package io.linehub.ops;

import java.time.Instant;
import java.util.Map;

/** One line device as the operator sees it at one moment. */
public record DeviceFigures(String id, String line, String kind, String transport, boolean known, boolean online,
                            Instant lastMessageAt, long messages, long accepted, long rejected,
                            Map<String, Long> rejectsByReason) {
}
