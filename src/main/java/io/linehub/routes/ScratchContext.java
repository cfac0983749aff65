package io.linehub.routes;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupSummaryLevel;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.spi.ComponentResolver;
import org.apache.camel.spi.PropertiesSource;
import org.apache.camel.support.DefaultRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw-away Camel context in which a route file is loaded and its routes built, never started: it sees
 * the hub's beans by name, its properties and route templates, and components of the hub's classes, but
 * registers nothing in JMX and touches nothing the hub runs.
 */
final class ScratchContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchContext.class);

    private final CamelContext hub;
    private final DefaultCamelContext scratch;

    ScratchContext(CamelContext hub) {
        this.hub = hub;
        scratch = new DefaultCamelContext(false);
        scratch.disableJMX();
        scratch.getCamelContextExtension().setName(hub.getName() + "-route-check");
        scratch.getCamelContextExtension().setRegistry(new DefaultRegistry(new HubBeanView(hub.getRegistry())));
        scratch.getCamelContextExtension().addContextPlugin(ComponentResolver.class, new HubComponentResolver(hub));
        scratch.setAutoStartup(false);
        scratch.setSourceLocationEnabled(true);
        // a check every few seconds while editing must not fill the log with context start/stop summaries
        scratch.setStartupSummaryLevel(StartupSummaryLevel.Off);
        scratch.build();
        scratch.getPropertiesComponent().addPropertiesSource(new HubPropertiesSource(hub));
    }

    CamelContext camel() {
        return scratch;
    }

    Model model() {
        return scratch.getCamelContextExtension().getContextPlugin(Model.class);
    }

    Model hubModel() {
        return hub.getCamelContextExtension().getContextPlugin(Model.class);
    }

    /** The hub's route templates, except those the checked file defines itself (its version wins). */
    void adoptTemplates(Set<String> definedInFile) throws Exception {
        Collection<RouteTemplateDefinition> templates = hubModel().getRouteTemplateDefinitions().stream()
                .filter(t -> !definedInFile.contains(t.getId())).toList();
        model().addRouteTemplateDefinitions(List.copyOf(templates));
    }

    /** Whether the hub or the checked file defines a route configuration with this id. */
    boolean hasRouteConfiguration(String id) {
        return hubModel().getRouteConfigurationDefinition(id) != null
                || model().getRouteConfigurationDefinition(id) != null;
    }

    @Override
    public void close() {
        try {
            scratch.stop();
        } catch (RuntimeException e) {
            LOG.debug("stopping the route check context failed: {}", e.getMessage(), e);
        }
    }

    /** Placeholders resolve as in the hub ({{linehub.mqtt.url}}, -D overrides, the profile's file). */
    private record HubPropertiesSource(CamelContext hub) implements PropertiesSource {

        @Override
        public String getName() {
            return "linehub";
        }

        @Override
        public String getProperty(String name) {
            return hub.getPropertiesComponent().resolveProperty(name).orElse(null);
        }
    }
}
