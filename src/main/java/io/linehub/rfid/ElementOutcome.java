package io.linehub.rfid;

/** What one payload element turned into: a tag read, a deliberately dropped heartbeat, or a rejection. */
sealed interface ElementOutcome {

    record Read(TagRead read) implements ElementOutcome {
    }

    record Heartbeat() implements ElementOutcome {
    }

    record Rejected(String reason) implements ElementOutcome {
    }

    ElementOutcome HEARTBEAT = new Heartbeat();
}
