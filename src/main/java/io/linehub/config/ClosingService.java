package io.linehub.config;

import org.apache.camel.support.service.ServiceSupport;

/** Closes a resource (pool, broker) when the Camel context stops, after the routes that use it. */
public final class ClosingService extends ServiceSupport {

    private final String name;
    private final AutoCloseable resource;

    public ClosingService(String name, AutoCloseable resource) {
        this.name = name;
        this.resource = resource;
    }

    @Override
    protected void doStop() throws Exception {
        resource.close();
    }

    @Override
    public String toString() {
        return "ClosingService[" + name + "]";
    }
}
