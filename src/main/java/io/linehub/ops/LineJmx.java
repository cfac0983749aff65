package io.linehub.ops;

/** One line's figures as JConsole shows them. */
final class LineJmx implements LineMBean {

    private final LineActivity line;
    private final ScanActivity activity;

    LineJmx(LineActivity line, ScanActivity activity) {
        this.line = line;
        this.activity = activity;
    }

    @Override
    public String getLine() {
        return line.line();
    }

    @Override
    public double getScansPerSecond() {
        return line.scansPerSecond(activity.nowMillis());
    }

    @Override
    public long getScans() {
        return line.scans();
    }

    @Override
    public long getAccepted() {
        return line.accepted();
    }

    @Override
    public long getRejected() {
        return line.rejected();
    }
}
