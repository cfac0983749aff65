package io.linehub.print;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The queue of every printer in devices.yaml, by printer id, for the printer-queue routes. */
public final class PrinterQueues {

    private final Map<String, PrinterQueue> queues = new LinkedHashMap<>();
    private final PrintLedger ledger;

    public PrinterQueues(PrintLedger ledger) {
        this.ledger = ledger;
    }

    public void add(String printer, PrinterQueue queue) throws SQLException {
        queues.put(printer, queue);
        ledger.failInterrupted(printer);
    }

    /**
     * In a cluster: the queue without the restart recovery, because another hub may be printing on this
     * printer right now and its job in writing is not interrupted; {@link #takeOver} does it once we own it.
     */
    public void register(String printer, PrinterQueue queue) {
        queues.put(printer, queue);
    }

    /** Before this hub starts working a printer's queue: the start rule, a job caught mid-write is failed. */
    public int takeOver(String printer) throws SQLException {
        return ledger.failInterrupted(printer);
    }

    /** After this hub stopped working a printer's queue (another hub owns it now): let go of its connection. */
    public void release(String printer) {
        PrinterQueue q = queues.get(printer);
        if (q != null) {
            q.close();
        }
    }

    public void drain(String printer) {
        PrinterQueue q = queues.get(printer);
        if (q != null) {
            q.drain();
        }
    }

    public PrinterQueue queue(String printer) {
        return queues.get(printer);
    }

    /** Jobs waiting for or in the printer (queued, sending, sent), for operations. */
    public long depth(String printer) throws SQLException {
        return ledger.depth(printer);
    }

    public Set<String> printers() {
        return queues.keySet();
    }

    public String status(String printer) {
        PrinterQueue q = queues.get(printer);
        return q == null ? null : q.status();
    }

    public void closeAll() {
        queues.values().forEach(PrinterQueue::close);
    }
}
