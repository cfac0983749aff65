package io.linehub.sim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What a simulated printer's connections have seen, counted across connections and restarts. */
final class PrinterCounters {

    final AtomicLong connectionsAccepted = new AtomicLong();
    final AtomicLong hostStatusRequests = new AtomicLong();
    final AtomicLong extendedStatusRequests = new AtomicLong();
    final AtomicLong bytesReceived = new AtomicLong();
    final AtomicLong formatsDiscarded = new AtomicLong();
    final AtomicLong partialFormatsDiscarded = new AtomicLong();
    final AtomicInteger peakFormatBytes = new AtomicInteger();

    void formatBytesSeen(int bytes) {
        peakFormatBytes.accumulateAndGet(bytes, Math::max);
    }
}
