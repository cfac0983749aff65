package io.linehub.sim;

import java.io.IOException;
import java.time.OffsetDateTime;

/** Where a {@link ScannerSimulator} writes its scans: a connection that can fail and be opened again. */
interface ScanSink {

    /** Opens the connection; the previous one, if any, has been closed. */
    void connect() throws IOException;

    boolean isConnected();

    /**
     * Writes scan number {@code sequence} (0, 1, 2, ...), which also picks its payload shape or framing.
     * {@code scannedAt} is when the scan was made: a scan sent again after a failed attempt keeps it, as a
     * real scanner's buffered scan keeps its timestamp (a new one would make it a different scan).
     */
    void send(String code, long sequence, OffsetDateTime scannedAt) throws IOException;

    /** Closes quietly; safe to call when not connected. */
    void close();

    /** What this sink connects to, for log messages. */
    String target();
}
