package io.linehub.routes;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers {@link RouteChanges} as {@code linehub:type=RouteChanges} on the platform MBeanServer (where
 * JConsole, VisualVM and Jolokia look) while the hub runs.
 */
public final class RouteChangesJmx extends ServiceSupport {

    public static final String OBJECT_NAME = "linehub:type=RouteChanges";
    private static final Logger LOG = LoggerFactory.getLogger(RouteChangesJmx.class);

    private final RouteChanges changes;
    private final ObjectName name;
    private boolean registered;

    public RouteChangesJmx(RouteChanges changes) throws Exception {
        this.changes = changes;
        this.name = new ObjectName(OBJECT_NAME);
    }

    @Override
    protected void doStart() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (server.isRegistered(name)) {
            // one hub per JVM in production; a second one (tests) keeps the first one's MBean
            LOG.warn("{} is already registered in this JVM; this hub's route changes are not on JMX", name);
            return;
        }
        server.registerMBean(changes, name);
        registered = true;
    }

    @Override
    protected void doStop() throws Exception {
        if (registered) {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            registered = false;
        }
    }

    @Override
    public String toString() {
        return "RouteChangesJmx[" + name + "]";
    }
}
