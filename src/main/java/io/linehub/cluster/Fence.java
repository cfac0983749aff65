package io.linehub.cluster;

/**
 * Asked by a single-owner route right before it does something the outside world sees (a relay batch
 * sent, a label sent to a printer). Without it a hub whose lock session was cut would go on working until
 * its next claim tick noticed, while another hub already owns the same route: two relays reorder events,
 * two queues print one printer's jobs at once.
 */
@FunctionalInterface
public interface Fence {

    /** A single hub owns everything it runs: nothing to check. */
    Fence SINGLE_HUB = routeId -> true;

    /** True when this hub still owns the route; false means do nothing outside, ownership is being given up. */
    boolean stillOwns(String routeId);
}
