package io.linehub.print;

import io.linehub.cluster.Fence;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One printer's ordered queue, worked by one thread: ask {@code ~HS}; hold while the printer is not
 * ready; mark the jobs sent before printed once the printer's buffer is empty; then send the next queued
 * jobs, up to formats-per-send in one write. New jobs go out only to an empty buffer and a job is marked
 * printed only when the buffer shows it gone, so a paper-out mid-run loses and duplicates nothing; a
 * connection broken mid-write fails that write's jobs with the reason (never resent blindly).
 */
public final class PrinterQueue {

    private static final Logger LOG = LoggerFactory.getLogger(PrinterQueue.class);
    private static final int MAX_STEPS_PER_TICK = 200;
    /** Sent jobs marked printed per turn at most; more than formats-per-send are out only if it was lowered. */
    private static final int MAX_SENT_PER_TURN = 64;
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
    private final int formatsPerSend;
    /**
     * Jobs of the last turn whose bytes all went out, still stored as sending: the next turn stores them as
     * printed (buffer empty) or as sent (still printing), and a drain never ends with any left here.
     */
    private final List<PrintJob> written = new ArrayList<>();
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
                        Fence fence, int formatsPerSend) {
        if (formatsPerSend < 1) {
            throw new IllegalArgumentException("formats per send must be at least 1, was " + formatsPerSend);
        }
        this.printer = printer;
        this.formatsPerSend = formatsPerSend;
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
        } finally {
            recordWritten();
        }
    }

    /** Jobs whose bytes all went out and whose sent state is not stored yet are stored as sent. */
    private void recordWritten() {
        if (written.isEmpty()) {
            return;
        }
        try {
            ledger.moveAll(written, PrintJob.SENDING, PrintJob.SENT);
            written.clear();
        } catch (SQLException e) {
            // left in sending: after a restart they are failed with "check the label", never printed twice
            LOG.warn("printer {}: could not record {} jobs as sent: {}", printer, written.size(), e.getMessage());
            written.clear();
        }
    }

    /**
     * One turn: ask {@code ~HS}; once the printer's buffer is empty the jobs sent before are printed, and up to
     * {@code formatsPerSend} queued jobs go out in one write, both in one transaction. A printer that empties
     * its buffer by the next turn costs one commit and one status round trip per turn however many labels it
     * moves; one still printing gets its jobs stored as sent first (a second commit).
     *
     * @return true when something moved and the next step may move more
     */
    private boolean step() throws IOException, SQLException {
        Optional<HostStatus> answer = link.status();
        if (answer.isEmpty()) {
            recordWritten();
            report("not ready: no answer to ~HS");
            return false;
        }
        HostStatus hs = answer.get();
        if (!hs.ready()) {
            recordWritten();
            report("not ready: " + hs.reason());
            return false;
        }
        report("ready");
        boolean printing = hs.formatsInBuffer() > 0 || hs.labelsRemaining() > 0;
        if (printing) {
            recordWritten();
        }
        List<PrintJob> sent = ledger.heads(printer, PrintJob.SENT, Math.max(formatsPerSend, MAX_SENT_PER_TURN));
        if (printing && !sent.isEmpty()) {
            return false;
        }
        // before jobs are taken: the new owner's takeover fails jobs caught in sending, so a job left queued here
        // is printed by the new owner instead of failed or printed by both
        List<PrintJob> queued = fence.stillOwns(routeId) ? ledger.heads(printer, PrintJob.QUEUED, formatsPerSend)
                : List.of();
        if (sent.isEmpty() && written.isEmpty() && queued.isEmpty()) {
            return false;
        }
        Map<String, byte[]> formats = new LinkedHashMap<>();
        List<PrintJob> take = new ArrayList<>(queued.size());
        for (PrintJob job : queued) {
            try {
                formats.put(job.id(), renderer.render(job.template(), job.fields(), job.copies()));
                take.add(job);
            } catch (RuntimeException e) {
                ledger.failed(job, PrintJob.QUEUED, "cannot render: " + e.getMessage());
                failed.increment();
            }
        }
        List<PrintJob> taken = ledger.advance(sent, written, take);
        printed.add(sent.size() + written.size());
        written.clear();
        if (taken.isEmpty()) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (PrintJob job : taken) {
            bytes.writeBytes(formats.get(job.id()));
        }
        try {
            link.send(bytes.toByteArray());
        } catch (IOException e) {
            // part of a label may have reached the printer: failing them beats printing one twice
            ledger.failAll(taken, PrintJob.SENDING, "connection broke while sending: " + e.getMessage());
            failed.add(taken.size());
            throw e;
        }
        written.addAll(taken);
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
