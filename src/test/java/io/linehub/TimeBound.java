package io.linehub;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * A preemptive time bound for property tries: like JUnit's {@code assertTimeoutPreemptively}, but on one reused worker
 * thread, because a fresh thread per try costs more than the parse under test when a property runs 10,000 tries.
 */
public final class TimeBound {

    private static ExecutorService worker = newWorker();

    private TimeBound() {
    }

    /** The value of {@code call}, or a test failure when it takes longer than {@code bound} (a hang fails, not blocks). */
    public static synchronized <T> T within(Duration bound, Callable<T> call, Supplier<String> what) {
        Future<T> result = worker.submit(call);
        try {
            return result.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            // the stuck thread may ignore the interrupt; a new worker keeps the next tries independent of it
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionFailedError("no answer within " + bound + ": " + what.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionFailedError("checked exception: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while waiting for " + what.get(), e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "time-bound-worker");
            thread.setDaemon(true);
            return thread;
        });
    }
}
