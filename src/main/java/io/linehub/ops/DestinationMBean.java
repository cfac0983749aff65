package io.linehub.ops;

/** A relay destination in JMX (linehub:type=Destination,name=&lt;name&gt;). */
public interface DestinationMBean {

    String getName();

    /** Events recorded but not yet delivered to it. */
    long getOutboxDepth();

    /** Age in seconds of the oldest undelivered event; 0 when none waits. */
    long getOldestAgeSeconds();

    long getDelivered();

    /** ISO-8601 start of the ongoing outage, empty while deliveries succeed. */
    String getFailingSince();

    /** Drops the relay's backoff: the next tick tries at once. */
    String retryNow();
}
