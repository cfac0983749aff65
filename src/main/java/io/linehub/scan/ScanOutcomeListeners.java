package io.linehub.scan;

import io.linehub.relay.HubEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of recorded scans; a failing listener is logged and never undoes the recorded outcome. */
public final class ScanOutcomeListeners {

    private static final Logger LOG = LoggerFactory.getLogger(ScanOutcomeListeners.class);

    private final List<ScanOutcomeListener> listeners = new CopyOnWriteArrayList<>();

    public void add(ScanOutcomeListener listener) {
        listeners.add(listener);
    }

    void recorded(Scan scan, List<HubEvent> events) {
        for (ScanOutcomeListener l : listeners) {
            try {
                l.recorded(scan, events);
            } catch (Exception e) {
                LOG.warn("scan outcome listener failed for a scan from {}: {}", scan.device(), e.getMessage());
            }
        }
    }
}
