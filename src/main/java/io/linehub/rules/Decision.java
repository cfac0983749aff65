package io.linehub.rules;

/**
 * The outcome for one scan: accepted (with the status the station sets, or null to keep it),
 * or rejected with a contract reason and a human-readable detail.
 */
public record Decision(Rejection rejection, String detail, String newStatus) {

    public static Decision accept(String newStatus) {
        return new Decision(null, null, newStatus);
    }

    public static Decision reject(Rejection reason, String detail) {
        return new Decision(reason, detail, null);
    }

    public boolean accepted() {
        return rejection == null;
    }
}
