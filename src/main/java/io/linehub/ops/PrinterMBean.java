package io.linehub.ops;

/** A label printer and its queue in JMX (linehub:type=Printer,name=&lt;id&gt;). */
public interface PrinterMBean {

    String getId();

    String getLine();

    /** ready, paused, paper out, head open, silent, unreachable, not ready or unknown. */
    String getStatus();

    /** The queue's own wording, e.g. "not ready: paper out". */
    String getDetail();

    /** True while an operator holds the queue. */
    boolean isPaused();

    /** Jobs queued, being sent or in the printer. */
    long getQueueDepth();

    long getPrinted();

    long getFailed();

    /** Holds the queue: no further job is sent (one already in the printer finishes). */
    String pause();

    /** Releases the queue and tries the printer at once. */
    String resume();

    /** Talks to the printer on the next tick instead of waiting out the backoff after an error. */
    String retryNow();
}
