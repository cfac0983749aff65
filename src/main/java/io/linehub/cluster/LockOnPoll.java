package io.linehub.cluster;

import java.sql.SQLException;
import java.util.function.BooleanSupplier;

/**
 * {@link PollOwnership} with the hub's advisory locks, taken when the consumer polls: the first hub to poll
 * a free subscription owns it until its lock session ends, and the others' polls find it taken and do
 * nothing, so a survivor takes over at its next poll.
 */
final class LockOnPoll implements PollOwnership {

    private final AdvisoryLock lock;
    private final BooleanSupplier claimsPaused;

    LockOnPoll(AdvisoryLock lock, BooleanSupplier claimsPaused) {
        this.lock = lock;
        this.claimsPaused = claimsPaused;
    }

    @Override
    public boolean own(String name) {
        // one check-and-take on the lock's monitor: advisory locks count re-entries, and a second take
        // of a lock already held would need a second release before another hub could have it
        synchronized (lock) {
            try {
                return lock.holds(name) || (!claimsPaused.getAsBoolean() && lock.tryLock(name));
            } catch (SQLException e) {
                return false; // the lock connection is down: nothing is owned until ownership reconnects
            }
        }
    }

    @Override
    public void release(String name) {
        synchronized (lock) {
            try {
                if (lock.holds(name)) {
                    lock.release(name);
                }
            } catch (SQLException e) {
                // the session is gone, and the lock with it
            }
        }
    }
}
