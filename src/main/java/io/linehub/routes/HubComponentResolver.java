package io.linehub.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.impl.engine.DefaultComponentResolver;
import org.apache.camel.spi.ComponentResolver;

/**
 * Gives a scratch context a fresh component of the same class the hub uses for a scheme (the hub replaces
 * paho-mqtt5 with its own, and may add components of its own), else the one on the classpath. Never the
 * hub's instance: a context takes over the components it is given. A fresh component holds no connection,
 * so creating endpoints with it connects nothing.
 */
final class HubComponentResolver implements ComponentResolver {

    private final CamelContext hub;
    private final ComponentResolver classpath = new DefaultComponentResolver();

    HubComponentResolver(CamelContext hub) {
        this.hub = hub;
    }

    @Override
    public Component resolveComponent(String name, CamelContext scratch) throws Exception {
        Component used = hub.hasComponent(name);
        if (used != null) {
            try {
                return used.getClass().getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                // no public no-argument constructor: the classpath's component (if any) checks the options
            }
        }
        return classpath.resolveComponent(name, scratch);
    }
}
