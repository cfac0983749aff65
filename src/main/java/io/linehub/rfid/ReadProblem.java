package io.linehub.rfid;

/**
 * Why one element of a reader payload (or the whole payload) produced no tag read.
 *
 * @param index  position of the element in the payload's reads, or {@link #WHOLE_PAYLOAD}
 * @param reason human-readable cause, safe to log
 */
public record ReadProblem(int index, String reason) {

    /** Index used when the payload as a whole was refused, so no element position applies. */
    public static final int WHOLE_PAYLOAD = -1;

    public ReadProblem {
        reason = reason == null ? "unknown problem" : reason;
    }

    static ReadProblem wholePayload(String reason) {
        return new ReadProblem(WHOLE_PAYLOAD, reason);
    }
}
