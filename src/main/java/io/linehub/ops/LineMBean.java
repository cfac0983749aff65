package io.linehub.ops;

/** A production line in JMX (linehub:type=Line,name=&lt;line&gt;). */
public interface LineMBean {

    String getLine();

    /** Scans received per second, averaged over the last 10 complete seconds. */
    double getScansPerSecond();

    long getScans();

    long getAccepted();

    long getRejected();
}
