package io.linehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.api.StatusApi;
import io.linehub.ops.LinehubMeters;
import io.linehub.ops.OpsMBeans;
import io.linehub.ops.OpsView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import org.apache.camel.CamelContext;

/** Wires what operators look at: the per-thing MBeans, linehub_* metrics and GET /api/status. */
final class OpsBeans {

    /** The name camel-micrometer-prometheus looks up before creating its own registry for /observe/metrics. */
    static final String METER_REGISTRY = "metricsRegistry";

    private OpsBeans() {
    }

    static void bind(CamelContext context, HubProperties props, OpsView view, ObjectMapper json, Clock clock)
            throws Exception {
        context.getRegistry().bind("opsView", view);
        org.apache.camel.health.HealthCheckRegistry.get(context).register(new io.linehub.ops.OutputsHealthCheck(view));
        context.addService(new OpsMBeans(view), true, true);
        new LinehubMeters(meterRegistry(context), view).bind();
        context.getRegistry().bind("statusApi", new StatusApi(props.get("linehub.hub-id"), clock.instant(), view,
                json));
    }

    /**
     * The registry /observe/metrics serves: Camel's when it made one already, else one bound under the name
     * Camel looks for, so that Camel serves it and linehub's series sit beside Camel's.
     */
    private static MeterRegistry meterRegistry(CamelContext context) {
        MeterRegistry existing = context.getRegistry().lookupByNameAndType(METER_REGISTRY, MeterRegistry.class);
        if (existing != null) {
            return existing;
        }
        PrometheusMeterRegistry created = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        context.getRegistry().bind(METER_REGISTRY, created);
        return created;
    }
}
