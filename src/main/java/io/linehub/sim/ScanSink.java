package io.linehub.sim;

import java.io.IOException;

/** Where a {@link ScannerSimulator} writes its scans: a connection that can fail and be opened again. */
interface ScanSink {

    /** Opens the connection; the previous one, if any, has been closed. */
    void connect() throws IOException;

    boolean isConnected();

    /** Writes scan number {@code sequence} (0, 1, 2, ...), which also picks its payload shape or framing. */
    void send(String code, long sequence) throws IOException;

    /** Closes quietly; safe to call when not connected. */
    void close();

    /** What this sink connects to, for log messages. */
    String target();
}
