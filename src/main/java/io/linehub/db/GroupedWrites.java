package io.linehub.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the items of concurrent callers in shared transactions: one writer thread takes whatever is waiting
 * (up to a batch), runs each item's work in a savepoint of one transaction, commits once and then answers every
 * caller. With the embedded database a commit writes the changed pages to the file, so a commit per item was
 * most of an item's cost. An item whose work throws a {@link RuntimeException} is rolled back to its savepoint
 * and answered with that exception; the others still commit. A failed commit fails every item of the batch.
 *
 * @param <I> what a caller hands in
 * @param <O> what its work returns once committed
 */
public final class GroupedWrites<I, O> implements AutoCloseable {

    /** The work of one item, in the batch's transaction. */
    @FunctionalInterface
    public interface Work<I, O> {
        O write(Connection c, I item) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupedWrites.class);

    private record Pending<I, O>(I item, CompletableFuture<O> result) {
    }

    private final DataSource dataSource;
    private final Work<I, O> work;
    private final int maxBatch;
    private final Duration answerTimeout;
    private final BlockingQueue<Pending<I, O>> waiting;
    private final Thread writer;
    private volatile boolean running = true;

    /**
     * @param name          the writer thread's name
     * @param maxBatch      items in one transaction at most
     * @param answerTimeout how long a caller waits for its commit before it is told the database is too slow
     */
    public GroupedWrites(String name, DataSource dataSource, Work<I, O> work, int maxBatch, Duration answerTimeout) {
        this.dataSource = dataSource;
        this.work = work;
        this.maxBatch = maxBatch;
        this.answerTimeout = answerTimeout;
        // bounded: callers block here rather than pile up without limit while the database is slow
        this.waiting = new LinkedBlockingQueue<>(maxBatch * 16);
        this.writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Writes one item and returns what its work returned, once committed.
     *
     * @throws SQLException when the batch's transaction failed, or the database did not answer in time
     */
    public O write(I item) throws SQLException {
        if (!running) {
            throw new SQLException("the writer is stopped", "08003");
        }
        CompletableFuture<O> result = new CompletableFuture<>();
        try {
            if (!waiting.offer(new Pending<>(item, result), answerTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLTimeoutException("no room to queue the write within " + answerTimeout.toMillis() + " ms");
            }
            return result.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the commit", e);
        } catch (TimeoutException e) {
            // the write may still commit later; the caller reports a failure it can retry (a job names its jobId)
            throw new SQLTimeoutException("no commit within " + answerTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof SQLException s) {
                throw s;
            }
            throw new SQLException(cause.getMessage(), cause);
        }
    }

    private void run() {
        List<Pending<I, O>> batch = new ArrayList<>(maxBatch);
        while (running || !waiting.isEmpty()) {
            try {
                Pending<I, O> first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                LOG.error("group commit: unexpected failure, failing the batch", e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        for (Pending<I, O> p = waiting.poll(); p != null; p = waiting.poll()) {
            p.result().completeExceptionally(new SQLException("the writer stopped", "08003"));
        }
    }

    private void commit(List<Pending<I, O>> batch) {
        List<O> written = new ArrayList<>(batch.size());
        List<RuntimeException> refused = new ArrayList<>(batch.size());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Pending<I, O> p : batch) {
                    Savepoint before = c.setSavepoint();
                    try {
                        written.add(work.write(c, p.item()));
                        refused.add(null);
                    } catch (RuntimeException e) {
                        c.rollback(before);
                        written.add(null);
                        refused.add(e);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            batch.forEach(p -> p.result().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (refused.get(i) != null) {
                batch.get(i).result().completeExceptionally(refused.get(i));
            } else {
                batch.get(i).result().complete(written.get(i));
            }
        }
    }

    /** Writes what is waiting, then stops the writer. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(answerTimeout.toMillis());
    }
}
