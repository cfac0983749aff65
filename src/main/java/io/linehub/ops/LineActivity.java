package io.linehub.ops;

import java.util.concurrent.atomic.LongAdder;

/** What one production line scanned since the hub started, and how fast over the last seconds. */
public final class LineActivity {

    private final String line;
    private final RecentRate rate = new RecentRate();
    private final LongAdder scans = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    LineActivity(String line) {
        this.line = line;
    }

    void scanned(long nowMillis) {
        scans.increment();
        rate.add(nowMillis / 1000);
    }

    void countAccepted() {
        accepted.increment();
    }

    void countRejected() {
        rejected.increment();
    }

    public String line() {
        return line;
    }

    public double scansPerSecond(long nowMillis) {
        return rate.perSecond(nowMillis / 1000);
    }

    public long scans() {
        return scans.sum();
    }

    public long accepted() {
        return accepted.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    public LineFigures figures(long nowMillis) {
        return new LineFigures(line, scansPerSecond(nowMillis), scans(), accepted(), rejected());
    }
}
