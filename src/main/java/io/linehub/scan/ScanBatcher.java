package io.linehub.scan;

import io.linehub.db.DatabaseOutage;
import io.linehub.relay.EventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group commit of the scan pipeline: an asynchronous step that queues each interpreted scan and lets
 * the input's thread go on to the next message, while one committer thread takes whatever is queued (up
 * to a maximum, without waiting for more), records it in one transaction ({@link GroupCommit}) and then
 * completes the exchanges in arrival order, which sends their MQTT acks in that order, after the commit.
 * Completing (the rest of each route, the ack) runs on a completer thread of its own, batch after batch in
 * commit order, so the committer goes on to the next transaction meanwhile.
 * <ul>
 * <li>Database outage: the batch is retried whole, with backoff, until the database is back; the inputs
 * stay unacknowledged meanwhile and the full queue holds the inputs' threads (the broker keeps the rest).
 * <li>Any other failure: the batch's scans are recorded one per transaction, so the one that fails
 * (a poison input) fails alone, to the route's error handling (retries, then the dead_letter table).
 * </ul>
 */
public final class ScanBatcher extends AsyncProcessorSupport implements AsyncProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ScanBatcher.class);
    private static final Duration OUTAGE_RETRY_FIRST = Duration.ofMillis(500);
    private static final Duration OUTAGE_RETRY_MAX = Duration.ofSeconds(5);

    /** A queued scan's exchange and the callback that completes it (once). */
    private static final class Waiting {
        private final Exchange exchange;
        private final AsyncCallback callback;
        private boolean done;

        Waiting(Exchange exchange, AsyncCallback callback) {
            this.exchange = exchange;
            this.callback = callback;
        }

        Exchange exchange() {
            return exchange;
        }

        /** Hands the exchange back to Camel: the rest of its route, then its ack (or its error handling). */
        void done(boolean sync) {
            if (done) {
                return;
            }
            done = true;
            try {
                callback.done(sync);
            } catch (RuntimeException e) {
                LOG.error("completing a scan exchange: {}", e.toString(), e);
            }
        }
    }

    private final GroupCommit commit;
    private final ScanPipeline pipeline;
    private final DatabaseOutage outage;
    private final BlockingQueue<Waiting> queue;
    private final int batchMax;
    private final BlockingQueue<List<Completion>> completions = new ArrayBlockingQueue<>(4);
    private volatile Thread committer;
    private volatile Thread completer;
    private volatile boolean running;

    /**
     * @param queueSize scans waiting for the committer at most; beyond, the input's thread waits (back-pressure)
     * @param batchMax  scans per transaction at most
     */
    ScanBatcher(GroupCommit commit, ScanPipeline pipeline, DatabaseOutage outage, int queueSize, int batchMax) {
        this.commit = commit;
        this.pipeline = pipeline;
        this.outage = outage;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.batchMax = batchMax;
    }

    public static ScanBatcher create(DataSource dataSource, ScanPipeline pipeline, EventRecorder recorder,
                                     DatabaseOutage outage, Clock clock, int queueSize, int batchMax) {
        return new ScanBatcher(new GroupCommit(dataSource, pipeline, recorder, clock), pipeline, outage, queueSize,
                batchMax);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (Thread.currentThread() == committer || Thread.currentThread() == completer) {
            // the route's error handler redelivering a scan this thread failed, or a continuation (the next
            // tag of an RFID message): work it now, alone; queueing it could wait for this very thread
            recordAlone(new Waiting(exchange, callback)).run(true);
            return true;
        }
        Waiting waiting = new Waiting(exchange, callback);
        try {
            // a full queue holds the input's thread (back-pressure: the broker keeps the rest), never drops
            while (running) {
                if (queue.offer(waiting, 100, TimeUnit.MILLISECONDS)) {
                    return false;
                }
            }
            exchange.setException(new RejectedExecutionException("scan batcher is stopped"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        running = true;
        Thread t = new Thread(this::commitLoop, "linehub-scan-committer");
        t.setDaemon(true);
        committer = t;
        Thread c = new Thread(this::completeLoop, "linehub-scan-completer");
        c.setDaemon(true);
        completer = c;
        c.start();
        t.start();
    }

    /**
     * Routes are stopped first (their consumers wait for in-flight scans), then this: the committer works
     * off what is queued; only what it could not finish in 10 s is failed (not acknowledged, so redelivered).
     */
    @Override
    protected void doStop() throws Exception {
        running = false;
        Thread t = committer;
        if (t != null) {
            t.join(TimeUnit.SECONDS.toMillis(10));
            committer = null;
        }
        Thread c = completer;
        if (c != null) {
            c.join(TimeUnit.SECONDS.toMillis(10));
            completer = null;
        }
        List<Waiting> left = new ArrayList<>();
        queue.drainTo(left);
        for (Waiting w : left) {
            fail(w, new RejectedExecutionException("hub stopping: scan not recorded, not acknowledged"));
        }
    }

    private void commitLoop() {
        List<Waiting> batch = new ArrayList<>(batchMax);
        while (running || !queue.isEmpty()) {
            try {
                Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchMax - 1);
                completions.put(recordBatch(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // never lose the committer: what is still in hand fails (not acknowledged, so redelivered)
                LOG.error("scan committer: {}", e.toString(), e);
                for (Waiting w : batch) {
                    fail(w, e instanceof Exception ex ? ex : new IllegalStateException(e));
                }
            } finally {
                batch.clear();
            }
        }
    }

    /** Completes each committed batch in commit order: the exchanges' routes go on, their acks go out. */
    private void completeLoop() {
        while (running || !completions.isEmpty() || committerAlive()) {
            List<Completion> done;
            try {
                done = completions.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (done == null) {
                continue;
            }
            for (Completion c : done) {
                try {
                    c.run(false);
                } catch (RuntimeException e) {
                    LOG.error("scan completer: {}", e.toString(), e);
                }
            }
        }
    }

    private boolean committerAlive() {
        Thread t = committer;
        return t != null && t.isAlive();
    }

    /** How a recorded (or failed) scan's exchange is handed back to Camel, run later in commit order. */
    @FunctionalInterface
    private interface Completion {
        void run(boolean sync);
    }

    /** Records the batch; answers what completes its exchanges, in arrival order. */
    private List<Completion> recordBatch(List<Waiting> batch) throws InterruptedException {
        List<InterpretedScan> scans = new ArrayList<>(batch.size());
        for (Waiting w : batch) {
            scans.add(w.exchange().getMessage().getBody(InterpretedScan.class));
        }
        List<Completion> done = new ArrayList<>(batch.size());
        List<GroupCommit.Recorded> recorded;
        try {
            recorded = recordRetryingOutage(scans);
        } catch (Exception e) {
            if (DatabaseOutage.isOutage(e)) {
                // only when stopping during an outage: unacknowledged, the broker redelivers them later
                for (Waiting w : batch) {
                    done.add(sync -> fail(w, e));
                }
                return done;
            }
            if (batch.size() > 1) {
                LOG.warn("a batch of {} scans failed ({}); recording them one by one to isolate the cause",
                        batch.size(), e.toString());
            }
            for (Waiting w : batch) {
                done.add(recordAlone(w));
            }
            return done;
        }
        for (int i = 0; i < batch.size(); i++) {
            Waiting w = batch.get(i);
            GroupCommit.Recorded r = recorded.get(i);
            done.add(sync -> complete(w, r, sync));
        }
        return done;
    }

    private List<GroupCommit.Recorded> recordRetryingOutage(List<InterpretedScan> scans) throws Exception {
        Duration wait = OUTAGE_RETRY_FIRST;
        while (true) {
            try {
                return commit.record(scans);
            } catch (Exception e) {
                if (!outage.noted(e) || !running) {
                    throw e;
                }
                LOG.debug("database outage, batch of {} scans retried in {}: {}", scans.size(), wait, e.toString());
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(OUTAGE_RETRY_MAX) > 0 ? OUTAGE_RETRY_MAX : wait.multipliedBy(2);
            }
        }
    }

    /** One scan in its own transaction; a failure goes to the route's error handling with this scan alone. */
    private Completion recordAlone(Waiting w) {
        GroupCommit.Recorded recorded;
        try {
            recorded = commit.record(List.of(w.exchange().getMessage().getBody(InterpretedScan.class))).get(0);
        } catch (Exception e) {
            return sync -> {
                w.exchange().setException(e);
                w.done(sync);
            };
        }
        return sync -> complete(w, recorded, sync);
    }

    private void complete(Waiting w, GroupCommit.Recorded recorded, boolean sync) {
        try {
            pipeline.recorded(recorded.outcome(), recorded.events());
            w.exchange().getMessage().setBody(recorded.events());
        } catch (RuntimeException e) {
            // bookkeeping only: the outcome is committed, so the input is still acknowledged
            LOG.warn("after recording a scan: {}", e.toString());
        }
        w.done(sync);
    }

    private static void fail(Waiting w, Exception e) {
        if (!w.done) {
            w.exchange().setException(e);
            w.done(false);
        }
    }
}
