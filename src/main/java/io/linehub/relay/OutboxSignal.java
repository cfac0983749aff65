package io.linehub.relay;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the relays when events are committed, so an event leaves within a millisecond of its commit
 * instead of waiting for the next poll (100 ms by default). The poll stays as the upper bound: events
 * committed by a writer that does not signal (print ledger, case packing, another hub) still go out.
 */
public final class OutboxSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long commits;

    /** After a commit that wrote outbox rows. */
    public void committed() {
        lock.lock();
        try {
            commits++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The number of commits signalled so far; a waiter passes it to {@link #awaitAfter}. */
    public long commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a commit after {@code seen} is signalled, or at most {@code maxMillis}.
     *
     * @return the number of commits signalled when it returns
     */
    public long awaitAfter(long seen, long maxMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(maxMillis);
        lock.lock();
        try {
            while (commits == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return commits;
        } finally {
            lock.unlock();
        }
    }
}
