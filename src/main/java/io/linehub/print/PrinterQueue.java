package io.linehub.print;

import io.linehub.cluster.Fence;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One printer's ordered queue, worked by one thread: ask {@code ~HS}; hold while the printer is not
 * ready; mark the sent job printed once the printer's buffer is empty; then send the next queued job.
 * One job is in the printer at a time, so a paper-out mid-run loses and duplicates nothing.
 */
public final class PrinterQueue {

    private static final Logger LOG = LoggerFactory.getLogger(PrinterQueue.class);
    private static final int MAX_STEPS_PER_TICK = 200;
    /** The status while an operator holds the queue. */
    public static final String PAUSED = "paused by operator";

    private final String printer;
    private final PrinterLink link;
    private final PrintLedger ledger;
    private final LabelRenderer renderer;
    private final BiConsumer<String, String> statusListener;
    private final Duration backoffMax;
    private final Fence fence;
    private final String routeId;
    private Duration backoff = Duration.ZERO;
    private volatile long nextAttemptNanos;
    private volatile String status = "unknown";
    // volatile: an operator pauses from a JMX or HTTP thread while the queue's own thread works
    private volatile boolean paused;
    private final LongAdder printed = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /**
     * @param statusListener told (printer, status text) whenever the printer's status changes
     * @param fence          asked before each poll of the printer and each job sent to it (in a cluster: is this
     *                       hub still the printer's owner)
     */
    public PrinterQueue(String printer, String host, int port, PrintLedger ledger, LabelRenderer renderer,
                        Duration statusTimeout, Duration backoffMax, BiConsumer<String, String> statusListener,
                        Fence fence) {
        this.printer = printer;
        this.fence = fence;
        this.routeId = PrintRoutes.routeId(printer);
        this.link = new PrinterLink(host, port, Duration.ofSeconds(2), statusTimeout);
        this.ledger = ledger;
        this.renderer = renderer;
        this.backoffMax = backoffMax;
        this.statusListener = statusListener;
    }

    /** Works the queue until it is empty, the printer is busy or not ready, or the tick's budget is spent. */
    public synchronized void drain() {
        if (paused) {
            // a job already in the printer finishes there; nothing new is sent
            report(PAUSED);
            return;
        }
        if (System.nanoTime() < nextAttemptNanos) {
            return;
        }
        if (!fence.stillOwns(routeId)) {
            // not even a status query: the printer's port serves one client, and it is the new owner's
            return;
        }
        try {
            for (int step = 0; step < MAX_STEPS_PER_TICK; step++) {
                if (!step()) {
                    break;
                }
            }
            backoff = Duration.ZERO;
        } catch (IOException e) {
            link.close();
            backoff = backoff.isZero() ? Duration.ofMillis(500)
                    : backoff.multipliedBy(2).compareTo(backoffMax) > 0 ? backoffMax : backoff.multipliedBy(2);
            nextAttemptNanos = System.nanoTime() + backoff.toNanos();
            report("unreachable: " + e.getMessage() + " (retry in " + backoff.toMillis() + " ms)");
        } catch (SQLException e) {
            LOG.warn("printer {}: queue database error, retrying: {}", printer, e.getMessage());
        }
    }

    /** @return true when something moved and the next step may move more */
    private boolean step() throws IOException, SQLException {
        Optional<HostStatus> answer = link.status();
        if (answer.isEmpty()) {
            report("not ready: no answer to ~HS");
            return false;
        }
        HostStatus hs = answer.get();
        if (!hs.ready()) {
            report("not ready: " + hs.reason());
            return false;
        }
        report("ready");
        Optional<PrintJob> sent = ledger.head(printer, PrintJob.SENT);
        if (sent.isPresent()) {
            if (hs.formatsInBuffer() > 0 || hs.labelsRemaining() > 0) {
                return false;
            }
            ledger.printed(sent.get());
            printed.increment();
            return true;
        }
        Optional<PrintJob> next = ledger.head(printer, PrintJob.QUEUED);
        if (next.isEmpty()) {
            return false;
        }
        PrintJob job = next.get();
        if (!fence.stillOwns(routeId)) {
            // before the job is taken: the new owner's takeover fails jobs caught in sending, so a job left
            // queued here is printed by the new owner instead of failed or printed by both
            return false;
        }
        byte[] zpl;
        try {
            zpl = renderer.render(job.template(), job.fields(), job.copies());
        } catch (RuntimeException e) {
            ledger.failed(job, PrintJob.QUEUED, "cannot render: " + e.getMessage());
            failed.increment();
            return true;
        }
        if (!ledger.move(job, PrintJob.QUEUED, PrintJob.SENDING)) {
            return true;
        }
        try {
            link.send(zpl);
        } catch (IOException e) {
            // part of the label may have reached the printer: failing it beats printing it twice
            ledger.failed(job, PrintJob.SENDING, "connection broke while sending: " + e.getMessage());
            failed.increment();
            throw e;
        }
        ledger.move(job, PrintJob.SENDING, PrintJob.SENT);
        return true;
    }

    private void report(String now) {
        if (!now.equals(status)) {
            status = now;
            LOG.info("printer {}: {}", printer, now);
            statusListener.accept(printer, now);
        }
    }

    // not synchronized: a scrape must not wait while drain() waits on a silent printer
    public String status() {
        return status;
    }

    /** Holds the queue: nothing more is sent until {@link #resume}. Not synchronized: a drain may be waiting on the printer. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean paused() {
        return paused;
    }

    /** An operator's "retry now": the next tick talks to the printer instead of waiting out the backoff. */
    public void retryNow() {
        nextAttemptNanos = System.nanoTime();
    }

    public long printed() {
        return printed.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public void close() {
        link.close();
    }
}
