package io.linehub.sim;

import io.linehub.print.HostStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive buffer and print head of a simulated printer: formats queue in arrival order and come out one copy
 * at a time while the printer's condition allows.
 *
 * <p>A copy takes the print delay. If the printer stops being ready during that time (paper out, pause, ...) the
 * copy does not count and is printed again once it is ready, so no label is lost and none is recorded twice.
 * The format being printed has left the buffer: it shows as labels remaining in {@code ~HS}, not as a buffered
 * format. All state is guarded by this object's monitor; one worker thread prints.
 */
final class PrinterEngine {

    private static final Logger LOG = LoggerFactory.getLogger(PrinterEngine.class);
    /** Label length and print mode (tear-off) of the shared ~HS vectors; the simulator does not vary them. */
    private static final int LABEL_LENGTH_DOTS = 1225;
    private static final int TEAR_OFF = 2;

    private record Held(byte[] zpl, int copies, Instant receivedAt) {
    }

    private final String name;
    private final PrinterSimulator.Settings settings;
    private final ArrayDeque<Held> buffer = new ArrayDeque<>();
    private final ArrayDeque<PrinterLabel> retained = new ArrayDeque<>();
    private long bufferBytes;
    private long retainedBytes;
    private PrinterCondition condition = PrinterCondition.READY;
    private Duration printDelay;
    private Held current;
    private int remainingCopies;
    private long labelCount;
    private long copiesPrinted;
    private boolean running;
    private Thread worker;

    PrinterEngine(String name, PrinterSimulator.Settings settings) {
        this.name = name;
        this.settings = settings;
        this.printDelay = settings.printDelay();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, name + "-print");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops printing; held formats and a half-printed batch stay and resume on {@link #start()}. */
    void stop() {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = worker;
            worker = null;
            notifyAll();
        }
        if (stopping != null && stopping != Thread.currentThread()) {
            try {
                stopping.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Takes a complete format into the receive buffer.
     *
     * @return false when the buffer is full and the format was discarded
     */
    synchronized boolean receive(byte[] zpl, Instant receivedAt) {
        if (buffer.size() >= settings.bufferFormats() || bufferBytes + zpl.length > settings.bufferBytes()) {
            LOG.warn("{}: receive buffer full ({} formats, {} bytes), discarding a format of {} bytes", name,
                    buffer.size(), bufferBytes, zpl.length);
            return false;
        }
        buffer.addLast(new Held(zpl, PrinterStreamParser.copies(zpl), receivedAt));
        bufferBytes += zpl.length;
        notifyAll();
        return true;
    }

    synchronized PrinterCondition condition() {
        return condition;
    }

    synchronized PrinterCondition updateCondition(UnaryOperator<PrinterCondition> change) {
        PrinterCondition next = Objects.requireNonNull(change.apply(condition), "condition");
        if (!next.equals(condition)) {
            LOG.info("{}: {} -> {}", name, condition.describe(), next.describe());
            condition = next;
            notifyAll();
        }
        return next;
    }

    synchronized Duration printDelay() {
        return printDelay;
    }

    synchronized void printDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("print delay cannot be negative: " + delay);
        }
        printDelay = delay;
        notifyAll();
    }

    /** What {@code ~HS} reports now; the partial-format flag belongs to the connection, so the caller knows it. */
    synchronized HostStatus status(boolean partialFormat) {
        boolean bufferFull = buffer.size() >= settings.bufferFormats() || bufferBytes >= settings.bufferBytes();
        return new HostStatus(condition.paperOut(), condition.paused(), condition.headOpen(), condition.ribbonOut(),
                bufferFull, partialFormat, false, false, false, buffer.size(), current == null ? 0 : remainingCopies,
                false, LABEL_LENGTH_DOTS, true, TEAR_OFF, false);
    }

    synchronized int formatsInBuffer() {
        return buffer.size();
    }

    synchronized List<PrinterLabel> labels() {
        return new ArrayList<>(retained);
    }

    synchronized long labelCount() {
        return labelCount;
    }

    synchronized long copiesPrinted() {
        return copiesPrinted;
    }

    synchronized boolean awaitLabels(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (labelCount < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private void run() {
        try {
            Held printed;
            while ((printed = printNextFormat()) != null) {
                publish(printed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("{}: print head failed", name, e);
        }
    }

    /** Blocks until every copy of the next format is printed; null when stopping. */
    private synchronized Held printNextFormat() throws InterruptedException {
        while (true) {
            while (running && !(condition.canPrint() && (current != null || !buffer.isEmpty()))) {
                wait();
            }
            if (!running) {
                return null;
            }
            if (current == null) {
                current = buffer.removeFirst();
                bufferBytes -= current.zpl().length;
                remainingCopies = current.copies();
            }
            if (printOneCopy()) {
                remainingCopies--;
                copiesPrinted++;
                if (remainingCopies == 0) {
                    return current;
                }
            }
        }
    }

    /** Waits out the print delay; false when the printer stopped being ready meanwhile (the copy is redone). */
    private boolean printOneCopy() throws InterruptedException {
        long deadline = System.nanoTime() + printDelay.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
            if (!running || !condition.canPrint()) {
                return false;
            }
        }
    }

    private void publish(Held printed) {
        long sequence;
        synchronized (this) {
            sequence = labelCount + 1;
        }
        PrinterLabel label = new PrinterLabel(sequence, printed.zpl(), printed.copies(), printed.receivedAt(),
                Instant.now());
        // the file is written before the count moves, so whoever saw the count can read the file
        writeFile(label);
        synchronized (this) {
            current = null;
            labelCount = sequence;
            retained.addLast(label);
            retainedBytes += label.size();
            while (!retained.isEmpty()
                    && (retained.size() > settings.labelCap() || retainedBytes > settings.labelBytesCap())) {
                retainedBytes -= retained.removeFirst().size();
            }
            notifyAll();
        }
        LOG.debug("{}: printed label #{} ({} bytes, {} copies)", name, sequence, label.size(), label.copies());
    }

    private void writeFile(PrinterLabel label) {
        Path folder = settings.labelFolder();
        if (folder == null) {
            return;
        }
        Path file = folder.resolve(String.format(Locale.ROOT, "label-%06d.zpl", label.sequence()));
        try {
            Files.createDirectories(folder);
            Files.write(file, label.zpl());
        } catch (IOException e) {
            // a full disk must not stop the simulated printer; the label is still counted and kept in memory
            LOG.warn("{}: cannot write {}: {}", name, file, e.toString());
        }
    }
}
