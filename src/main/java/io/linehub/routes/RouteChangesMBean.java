package io.linehub.routes;

/** JMX view of route file changes ({@code linehub:type=RouteChanges}); counts are since the hub started. */
public interface RouteChangesMBean {

    /** APPLIED, REFUSED, REMOVED or FAILED; empty before the first change. */
    String getLastResult();

    /** The file of the last change, as named on the hub; empty before the first change. */
    String getLastFile();

    long getAppliedCount();

    long getRefusedCount();

    /** The latest changes, newest first, one line each (from the audit table, so also those before a restart). */
    String[] recentChanges(int limit);
}
