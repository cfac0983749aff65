package io.linehub.scan;

import io.linehub.relay.HubEvent;
import java.util.List;

/** Told about every recorded scan and its events, after the commit (e.g. print-and-verify). */
@FunctionalInterface
public interface ScanOutcomeListener {

    void recorded(Scan scan, List<HubEvent> events) throws Exception;
}
