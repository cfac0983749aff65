package io.linehub.print;

import java.util.Objects;
import java.util.Optional;

/** The outcome of parsing a {@code ~HS} reply: either a {@link HostStatus} or the reason the bytes were rejected. */
public final class HostStatusResult {

    private final HostStatus status;
    private final String error;

    private HostStatusResult(HostStatus status, String error) {
        this.status = status;
        this.error = error;
    }

    public static HostStatusResult ok(HostStatus status) {
        return new HostStatusResult(Objects.requireNonNull(status, "status"), null);
    }

    public static HostStatusResult failed(String error) {
        return new HostStatusResult(null, Objects.requireNonNull(error, "error"));
    }

    public boolean isOk() {
        return status != null;
    }

    /** The parsed status, empty when the reply was rejected. */
    public Optional<HostStatus> status() {
        return Optional.ofNullable(status);
    }

    /** Why the reply was rejected, empty when it parsed. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostStatusResult that && Objects.equals(status, that.status)
                && Objects.equals(error, that.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, error);
    }

    @Override
    public String toString() {
        return isOk() ? "HostStatusResult[ok " + status + "]" : "HostStatusResult[failed: " + error + "]";
    }
}
