package io.linehub.ops;

import java.time.Instant;

/** One destination as JConsole shows it, with the operator's retry. */
final class DestinationJmx implements DestinationMBean {

    private final String name;
    private final OpsView view;

    DestinationJmx(String name, OpsView view) {
        this.name = name;
        this.view = view;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public long getOutboxDepth() {
        return view.outboxDepth(name);
    }

    @Override
    public long getOldestAgeSeconds() {
        return view.oldestAgeSeconds(name);
    }

    @Override
    public long getDelivered() {
        return view.delivered(name);
    }

    @Override
    public String getFailingSince() {
        Instant since = view.destination(name).failingSince();
        return since == null ? "" : since.toString();
    }

    @Override
    public String retryNow() {
        view.retryDestination(name);
        return "destination " + name + " is tried on the relay's next tick";
    }
}
